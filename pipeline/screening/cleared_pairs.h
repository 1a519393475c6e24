// Cleared pairs: (traveller key, entry id) pairs an analyst has reviewed and cleared. A hit on
// a cleared pair is counted, not emitted. Sources: a file of `traveller_key,entry_id` lines
// and/or a compacted topic (key `traveller_key,entry_id`, any non-empty value = cleared,
// tombstone = no longer cleared).
//
//   ClearedPairs cleared;  PAX_RETURN_IF_ERROR(cleared.LoadFile("cleared.csv"));
//   if (cleared.Contains(TravellerKey(record), match.entry_id)) ++suppressed;
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "matcher/model/passenger_record.h"
#include "pipeline/kafka/compacted_reader.h"
#include "pipeline/kafka/types.h"

namespace paxscreen::screening {

// The key that identifies one traveller across flights, so a clearance outlives the record:
//   "DOC:<issuing state>:<number>" for the first document with both (letters and digits of
//     the number only, upper-cased), else
//   "NAME:<surname given names | full name>:<date of birth>" with ASCII letters upper-cased
//     and every run of non-alphanumeric ASCII characters collapsed to one space (non-ASCII
//     bytes kept as they are); an unknown date of birth is left empty.
// It is personal data: it never goes to logs. Never contains a comma.
std::string TravellerKey(const model::PassengerRecord& record);

// Thread-safe: Contains() from any thread, concurrently with updates (a shared mutex; updates
// come from the file at start and from the topic reader's thread).
class ClearedPairs {
 public:
  ClearedPairs() = default;
  ~ClearedPairs();
  ClearedPairs(const ClearedPairs&) = delete;
  ClearedPairs& operator=(const ClearedPairs&) = delete;

  // `traveller_key,entry_id` per line (split at the last comma); blank lines and lines
  // starting with '#' are skipped. A line without a comma is an error naming the line.
  absl::Status LoadFile(const std::string& path);
  absl::Status LoadText(std::string_view text, std::string_view source);
  // Follows a compacted topic; ready() turns true once it has caught up.
  absl::Status StartTopic(const kafka::Properties& props, const std::string& topic);
  void Stop();

  void Set(std::string_view traveller_key, std::string_view entry_id, bool cleared);
  bool Contains(std::string_view traveller_key, std::string_view entry_id) const;
  size_t size() const;
  bool ready() const { return !reader_ || reader_->caught_up(); }

 private:
  static std::string PairKey(std::string_view traveller_key, std::string_view entry_id);

  mutable std::shared_mutex mu_;
  absl::flat_hash_set<std::string> pairs_;
  std::unique_ptr<kafka::CompactedTopicReader> reader_;
};

}  // namespace paxscreen::screening
