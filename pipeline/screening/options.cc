#include "pipeline/screening/options.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace paxscreen::screening {
namespace {

absl::Status BadValue(const std::string& key, const std::string& value, const char* what) {
  return absl::InvalidArgumentError(
      absl::StrCat("processor.", key, ": '", value, "' is not ", what));
}

}  // namespace

absl::StatusOr<ScreeningOptions> ScreeningOptionsFromConfig(const service::ServiceConfig& config) {
  ScreeningOptions o;
  for (const auto& [key, value] : config.processor_options) {
    if (key == "watchlist.files") {
      for (absl::string_view f : absl::StrSplit(value, ',', absl::SkipWhitespace())) {
        o.watchlist_files.emplace_back(absl::StripAsciiWhitespace(f));
      }
    } else if (key == "watchlist.topic") {
      o.watchlist_topic = value;
    } else if (key == "watchlist.apply_interval_ms") {
      if (!absl::SimpleAtoi(value, &o.apply_interval_ms) || o.apply_interval_ms < 1) {
        return BadValue(key, value, "a positive integer");
      }
    } else if (key == "results.topic") {
      o.results_topic = value;
    } else if (key == "cleared.file") {
      o.cleared_file = value;
    } else if (key == "cleared.topic") {
      o.cleared_topic = value;
    } else if (key == "min_score") {
      if (!absl::SimpleAtod(value, &o.min_score) || o.min_score > 1) {
        return BadValue(key, value, "a number <= 1");
      }
    } else if (key == "shards") {
      if (!absl::SimpleAtoi(value, &o.shards) || o.shards < 0) {
        return BadValue(key, value, "a non-negative integer");
      }
    } else if (key == "passenger_data_in_events") {
      if (value == "true") o.passenger_data_in_events = true;
      else if (value == "false") o.passenger_data_in_events = false;
      else return BadValue(key, value, "true or false");
    } else if (key == "replay.topic") {
      o.replay_topic = value;
    } else {
      return absl::InvalidArgumentError(absl::StrCat(
          "unknown key 'processor.", key, "' for the screening processor (see "
          "pipeline/screening/README.md)"));
    }
  }
  if (o.watchlist_files.empty() && o.watchlist_topic.empty()) {
    return absl::InvalidArgumentError(
        "screening processor: set processor.watchlist.files and/or processor.watchlist.topic");
  }
  return o;
}

}  // namespace paxscreen::screening
