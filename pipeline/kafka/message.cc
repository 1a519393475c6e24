#include "pipeline/kafka/message.h"

#include "pipeline/kafka/handles.h"

namespace paxscreen::kafka {

void Message::Deleter::operator()(rd_kafka_message_s* m) const { rd_kafka_message_destroy(m); }

Message::Message(rd_kafka_message_s* m) : msg_(m) {}

bool Message::ok() const { return msg_ && msg_->err == RD_KAFKA_RESP_ERR_NO_ERROR; }
bool Message::is_partition_eof() const {
  return msg_ && msg_->err == RD_KAFKA_RESP_ERR__PARTITION_EOF;
}
int Message::error_code() const { return msg_ ? msg_->err : RD_KAFKA_RESP_ERR__STATE; }

absl::Status Message::error() const {
  if (!msg_) return absl::FailedPreconditionError("empty kafka message");
  if (msg_->err == RD_KAFKA_RESP_ERR_NO_ERROR) return absl::OkStatus();
  std::string what = "consume";
  if (msg_->rkt != nullptr) {
    what += std::string(" ") + rd_kafka_topic_name(msg_->rkt) + "[" +
            std::to_string(msg_->partition) + "]";
  }
  return ErrStatus(msg_->err, what);
}

std::string Message::topic() const {
  return msg_ && msg_->rkt ? rd_kafka_topic_name(msg_->rkt) : std::string();
}
int32_t Message::partition() const { return msg_ ? msg_->partition : -1; }
int64_t Message::offset() const { return msg_ ? msg_->offset : kOffsetInvalid; }

int64_t Message::timestamp_ms() const {
  if (!msg_) return -1;
  rd_kafka_timestamp_type_t type;
  return rd_kafka_message_timestamp(msg_.get(), &type);
}

std::optional<std::string_view> Message::key() const {
  if (!msg_ || msg_->key == nullptr) return std::nullopt;
  return std::string_view(static_cast<const char*>(msg_->key), msg_->key_len);
}

std::optional<std::string_view> Message::value() const {
  if (!msg_ || msg_->payload == nullptr) return std::nullopt;
  return std::string_view(static_cast<const char*>(msg_->payload), msg_->len);
}

std::vector<Header> Message::headers() const {
  std::vector<Header> out;
  if (!msg_) return out;
  rd_kafka_headers_t* hdrs = nullptr;  // owned by the message
  if (rd_kafka_message_headers(msg_.get(), &hdrs) != RD_KAFKA_RESP_ERR_NO_ERROR) return out;
  const char* name;
  const void* val;
  size_t size;
  for (size_t i = 0; rd_kafka_header_get_all(hdrs, i, &name, &val, &size) ==
                     RD_KAFKA_RESP_ERR_NO_ERROR;
       ++i) {
    out.push_back({name, val ? std::string(static_cast<const char*>(val), size) : std::string()});
  }
  return out;
}

}  // namespace paxscreen::kafka
