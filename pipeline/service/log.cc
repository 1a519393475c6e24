#include "pipeline/service/log.h"

#include <atomic>
#include <cstdio>
#include <ctime>
#include <mutex>

#include "absl/strings/str_cat.h"
#include "pipeline/kafka/types.h"

namespace paxscreen::service {
namespace {

std::atomic<int> g_level{static_cast<int>(LogLevel::kInfo)};
std::mutex g_mu;

void KafkaLog(int syslog_level, const std::string& facility, const std::string& message) {
  LogLevel level = syslog_level <= 3   ? LogLevel::kError
                   : syslog_level == 4 ? LogLevel::kWarn
                   : syslog_level <= 6 ? LogLevel::kInfo
                                       : LogLevel::kDebug;
  // librdkafka's notices are chatty (connection churn); keep them at debug unless they warn.
  if (level == LogLevel::kInfo) level = LogLevel::kDebug;
  Log(level, absl::StrCat("kafka ", facility, ": ", message));
}

struct Installer {
  Installer() { kafka::SetLogFn(&KafkaLog); }
} g_installer;

}  // namespace

void SetLogLevel(LogLevel level) { g_level.store(static_cast<int>(level)); }
LogLevel GetLogLevel() { return static_cast<LogLevel>(g_level.load()); }

absl::StatusOr<LogLevel> ParseLogLevel(std::string_view name) {
  if (name == "error") return LogLevel::kError;
  if (name == "warn" || name == "warning") return LogLevel::kWarn;
  if (name == "info") return LogLevel::kInfo;
  if (name == "debug") return LogLevel::kDebug;
  return absl::InvalidArgumentError(
      absl::StrCat("log.level: '", absl::string_view(name.data(), name.size()),
                   "' is not one of error, warn, info, debug"));
}

void Log(LogLevel level, std::string_view message) {
  if (static_cast<int>(level) > g_level.load()) return;
  static constexpr char kTags[] = {'E', 'W', 'I', 'D'};
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char ts[32];
  std::strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%SZ", &tm);
  std::lock_guard<std::mutex> lock(g_mu);
  std::fprintf(stderr, "%s %c paxscreen: %.*s\n", ts, kTags[static_cast<int>(level)],
               static_cast<int>(message.size()), message.data());
}

}  // namespace paxscreen::service
