#include "pipeline/screening/cleared_pairs.h"

#include <mutex>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "matcher/watchlist/loader.h"

namespace paxscreen::screening {
namespace {

// Upper-cases ASCII letters, keeps digits and non-ASCII bytes, collapses every run of other
// ASCII characters into one space, trims.
std::string Canonical(std::string_view s) {
  std::string out;
  bool pending_space = false;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80 || absl::ascii_isalnum(c)) {
      if (pending_space && !out.empty()) out += ' ';
      pending_space = false;
      out += static_cast<char>(absl::ascii_toupper(c));
    } else {
      pending_space = true;
    }
  }
  return out;
}

std::string AlnumUpper(std::string_view s) {
  std::string out;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (absl::ascii_isalnum(c)) out += static_cast<char>(absl::ascii_toupper(c));
  }
  return out;
}

}  // namespace

std::string TravellerKey(const model::PassengerRecord& record) {
  for (const auto& d : record.passenger.documents) {
    std::string number = AlnumUpper(d.number);
    std::string state = AlnumUpper(d.issuing_state);
    if (!number.empty() && !state.empty()) return absl::StrCat("DOC:", state, ":", number);
  }
  const auto& p = record.passenger;
  std::string name = p.surname.empty() && p.given_names.empty()
                         ? Canonical(p.full_name)
                         : Canonical(absl::StrCat(p.surname, " ", p.given_names));
  return absl::StrCat("NAME:", name, ":", AlnumUpper(p.date_of_birth).empty() ? "" : p.date_of_birth);
}

ClearedPairs::~ClearedPairs() { Stop(); }

std::string ClearedPairs::PairKey(std::string_view traveller_key, std::string_view entry_id) {
  std::string k(traveller_key);
  k += '\x1f';
  k.append(entry_id);
  return k;
}

absl::Status ClearedPairs::LoadFile(const std::string& path) {
  auto text = watchlist::ReadFileToString(path);
  if (!text.ok()) return text.status();
  return LoadText(*text, path);
}

absl::Status ClearedPairs::LoadText(std::string_view text, std::string_view source) {
  size_t line_no = 0;
  for (absl::string_view line : absl::StrSplit(absl::string_view(text.data(), text.size()), '\n')) {
    ++line_no;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') continue;
    const size_t comma = line.rfind(',');
    if (comma == absl::string_view::npos || comma == 0 || comma + 1 == line.size()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "cleared pairs ", std::string(source), ":", line_no,
          ": expected `traveller_key,entry_id`"));
    }
    absl::string_view key = absl::StripAsciiWhitespace(line.substr(0, comma));
    absl::string_view entry = absl::StripAsciiWhitespace(line.substr(comma + 1));
    Set(std::string_view(key.data(), key.size()), std::string_view(entry.data(), entry.size()), true);
  }
  return absl::OkStatus();
}

absl::Status ClearedPairs::StartTopic(const kafka::Properties& props, const std::string& topic) {
  auto reader = kafka::CompactedTopicReader::Create(props, topic);
  if (!reader.ok()) return reader.status();
  reader_ = std::move(*reader);
  return reader_->Start([this](std::optional<std::string_view> key,
                               std::optional<std::string_view> value) {
    if (!key) return;  // a pair needs its key
    const size_t comma = key->rfind(',');
    if (comma == std::string_view::npos) return;
    Set(key->substr(0, comma), key->substr(comma + 1), !kafka::IsTombstone(value));
  });
}

void ClearedPairs::Stop() {
  if (reader_) reader_->Stop();
}

void ClearedPairs::Set(std::string_view traveller_key, std::string_view entry_id, bool cleared) {
  std::string k = PairKey(traveller_key, entry_id);
  std::unique_lock lock(mu_);
  if (cleared) {
    pairs_.insert(std::move(k));
  } else {
    pairs_.erase(k);
  }
}

bool ClearedPairs::Contains(std::string_view traveller_key, std::string_view entry_id) const {
  const std::string k = PairKey(traveller_key, entry_id);
  std::shared_lock lock(mu_);
  return pairs_.contains(k);
}

size_t ClearedPairs::size() const {
  std::shared_lock lock(mu_);
  return pairs_.size();
}

}  // namespace paxscreen::screening
