#include "pipeline/service/processor.h"

#include <algorithm>
#include <deque>
#include <mutex>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace paxscreen::service {
namespace {

std::mutex& RegistryMutex() {
  static std::mutex mu;
  return mu;
}
std::deque<ProcessorInfo>& Registry() {
  static std::deque<ProcessorInfo> registry;  // stable addresses for FindProcessor
  return registry;
}

class EchoProcessor : public Processor {
 public:
  explicit EchoProcessor(std::string fail_prefix) : fail_prefix_(std::move(fail_prefix)) {}
  ProcessOutcome Process(const InputRecord& r) override {
    ProcessOutcome out;
    if (!fail_prefix_.empty() &&
        absl::StartsWith(absl::string_view(r.value.data(), r.value.size()), fail_prefix_)) {
      out.dead_letter = DeadLetter{"echo.rejected", "value starts with the configured fail prefix"};
      return out;
    }
    OutputMessage m;
    if (r.key) m.key = std::string(*r.key);
    m.value = std::string(r.value);
    out.outputs.push_back(std::move(m));
    return out;
  }

 private:
  std::string fail_prefix_;
};

bool EnsureBuiltins() {
  static const bool done = [] {
    Registry().push_back({"echo", "diagnostic: copies records to output.topic (tests, smoke runs)",
                          &MakeEchoProcessor});
    return true;
  }();
  return done;
}

}  // namespace

absl::StatusOr<std::unique_ptr<Processor>> MakeEchoProcessor(const ServiceConfig& config) {
  return std::make_unique<EchoProcessor>(config.ProcessorOption("fail_prefix", "!dlq"));
}

bool RegisterProcessor(const ProcessorInfo& info) {
  std::lock_guard<std::mutex> lock(RegistryMutex());
  EnsureBuiltins();
  Registry().push_back(info);
  return true;
}

const ProcessorInfo* FindProcessor(std::string_view name) {
  std::lock_guard<std::mutex> lock(RegistryMutex());
  EnsureBuiltins();
  for (const auto& p : Registry()) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

std::vector<ProcessorInfo> Processors() {
  std::lock_guard<std::mutex> lock(RegistryMutex());
  EnsureBuiltins();
  std::vector<ProcessorInfo> out(Registry().begin(), Registry().end());
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

absl::StatusOr<std::unique_ptr<Processor>> MakeProcessor(const ServiceConfig& config) {
  const ProcessorInfo* info = FindProcessor(config.processor);
  if (info == nullptr) {
    std::string known;
    for (const auto& p : Processors()) {
      absl::StrAppend(&known, known.empty() ? "" : ", ", absl::string_view(p.name.data(), p.name.size()));
    }
    return absl::NotFoundError(absl::StrCat("processor.name: unknown processor '", config.processor,
                                            "' (known: ", known, ")"));
  }
  return info->factory(config);
}

}  // namespace paxscreen::service
