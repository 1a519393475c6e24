// Helpers shared by the e2e tests of the screening processor (PAXLST feed, live watchlist
// update, replay): invented watchlist entries as NDJSON, JSON passenger records, names far from
// every entry, keyed records produced with chosen partitions and timestamps, and the comparison
// of an events topic with the expected (record_id, entry_id) pairs.
//
//   ProduceRecords(bootstrap, topic, {{"id-1", PassengerJson("id-1", "ANA", "R", "1970-01-02")}});
//   int bad = CompareEvents("events", expected, ReadAll(bootstrap, events, 2, "read_committed"));
//
// Test code: failures throw std::runtime_error naming the step. Not thread-safe.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "tests/e2e/e2e_kafka.h"

namespace paxscreen::e2e {

// An invented watchlist person: one primary name and one exact date of birth.
struct TestEntry {
  std::string id;
  std::string given;
  std::string surname;
  std::string dob;  // YYYY-MM-DD
  std::string alias;  // optional second name (kind alias), "" for none
};

// One watchlist_entry JSON object (schemas/watchlist_entry.schema.json) on one line.
std::string EntryJson(const TestEntry& e);
// Writes the entries as an NDJSON watchlist file; throws when it cannot.
void WriteNdjson(const std::string& path, const std::vector<TestEntry>& entries);

// A JSON passenger record (schemas/passenger_record.schema.json) for the screening processor.
std::string PassengerJson(const std::string& record_id, const std::string& given,
                          const std::string& surname, const std::string& dob);

// Syllables from a small alphabet that none of the tests' invented entries is close to.
std::string CleanName(int64_t n, int syllables);

// "field":"value" of a flat string field (the first occurrence); "" when absent. For our own
// events and results, whose string fields hold no quotes.
std::string Field(const std::string& json, const std::string& key);

struct KeyedRecord {
  std::string key;
  std::string value;          // "" is produced as a null value (a tombstone)
  int32_t partition = -1;    // -1: the default partitioner (by key)
  int64_t timestamp_ms = 0;  // 0: now (CreateTime set by the producer)
};
// Produces the records with an idempotent producer, in order, and returns once every one is
// acknowledged; throws on any delivery error.
void ProduceRecords(const std::string& bootstrap, const std::string& topic,
                    const std::vector<KeyedRecord>& records);

using EventPair = std::pair<std::string, std::string>;  // (record_id, entry_id)

// Compares the (record_id, entry_id) pairs of `events` with `expected`: prints every missing,
// unexpected and duplicated pair (ids only, never names) and a summary line starting with
// `what`. Returns the number of problems (0 when they are equal as sets with no duplicates).
int CompareEvents(const std::string& what, const std::set<EventPair>& expected,
                  const std::vector<Record>& events);

}  // namespace paxscreen::e2e
