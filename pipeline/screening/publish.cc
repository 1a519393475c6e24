#include "pipeline/screening/publish.h"

#include "absl/strings/str_cat.h"
#include "pipeline/codec/watchlist_json.h"
#include "pipeline/kafka/producer.h"

namespace paxscreen::screening {

absl::StatusOr<PublishSummary> PublishWatchlist(const kafka::Properties& props,
                                                const std::string& topic,
                                                const std::vector<model::WatchlistEntry>& entries,
                                                int timeout_ms) {
  kafka::Properties p = {{"enable.idempotence", "true"}, {"linger.ms", "5"}};
  p.insert(p.end(), props.begin(), props.end());
  auto producer = kafka::Producer::Create(p, {});
  if (!producer.ok()) return producer.status();
  PublishSummary summary;
  std::string value;
  for (const auto& e : entries) {
    if (e.entry_id.empty()) {
      return absl::InvalidArgumentError("watchlist publish: an entry has no entry_id");
    }
    const bool remove = e.op == model::EntryOp::kDelete;
    if (!remove) value = codec::EncodeWatchlistEntry(e);
    absl::Status s = (*producer)->Produce(
        {topic, std::string_view(e.entry_id),
         remove ? std::nullopt : std::optional<std::string_view>(value)});
    if (!s.ok()) return s;
    (remove ? summary.deletes : summary.upserts)++;
  }
  absl::Status s = (*producer)->Flush(timeout_ms);
  if (!s.ok()) return s;
  if ((*producer)->failed() != 0) {
    return absl::UnavailableError(absl::StrCat("watchlist publish: ", (*producer)->failed(),
                                               " records not delivered to ", topic, ": ",
                                               (*producer)->last_delivery_error()));
  }
  return summary;
}

}  // namespace paxscreen::screening
