// The service's log: one line per event on stderr, level-filtered. Never pass message
// payloads, names or document numbers at levels above kDebug.
//
//   service::SetLogLevel(service::LogLevel::kInfo);
//   service::Log(service::LogLevel::kWarn, absl::StrCat("rewinding ", n, " partitions"));
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace paxscreen::service {

enum class LogLevel { kError = 0, kWarn = 1, kInfo = 2, kDebug = 3 };

// Thread-safe. Also routes librdkafka's own log lines (kafka::SetLogFn) through this log.
void SetLogLevel(LogLevel level);
LogLevel GetLogLevel();
absl::StatusOr<LogLevel> ParseLogLevel(std::string_view name);
void Log(LogLevel level, std::string_view message);

}  // namespace paxscreen::service
