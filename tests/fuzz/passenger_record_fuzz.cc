// libFuzzer target: a passenger record as it arrives on the input topic, and everything screening
// does with it before a list is read: JSON decoding (one record and NDJSON), the optional
// fields' facts, name normalization (ICU transliteration), preparation for comparison, and the
// index's query keys.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "matcher/compare/compare.h"
#include "matcher/index/token_index.h"
#include "matcher/normalize/normalize.h"
#include "matcher/score/score.h"
#include "matcher/screen/shard.h"
#include "pipeline/codec/passenger_json.h"

namespace {

void Screenable(const paxscreen::model::PassengerRecord& record) {
  using namespace paxscreen;
  if (record.record_id.empty()) __builtin_trap();  // a decoded record always has its id
  std::vector<std::string> problems;
  (void)score::PrepareFacts(record, &problems);
  const model::Passenger& p = record.passenger;
  auto name = !p.surname.empty() || !p.given_names.empty()
                  ? normalize::NormalizeNameParts(p.surname, p.given_names)
                  : normalize::NormalizeName(p.full_name);
  if (!name.ok()) return;
  const compare::CompareOptions options = compare::ScreeningCompareOptions();
  const compare::PreparedName prepared = compare::PrepareName(*name, options);
  const compare::NameComparison self = compare::ComparePrepared(prepared, prepared, options);
  if (!(self.score >= 0 && self.score <= 1)) __builtin_trap();
  int positions = 0;
  (void)index::TokenIndex::PrepareQuery(screen::IndexTokens(prepared, &positions), {});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  if (auto record = paxscreen::codec::DecodePassengerRecord(input, "fuzz"); record.ok()) {
    Screenable(*record);
  }
  const paxscreen::codec::NdjsonResult lines =
      paxscreen::codec::DecodePassengerRecordsNdjson(input);
  for (const auto& record : lines.records) Screenable(record);
  return 0;
}
