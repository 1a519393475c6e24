#include "matcher/base/env.h"

#include <cstdlib>
#include <filesystem>

namespace paxscreen {
namespace {

bool IsDir(const std::string& p) {
  std::error_code ec;
  return !p.empty() && std::filesystem::is_directory(p, ec);
}

}  // namespace

std::string SourceDir() {
  if (const char* s = std::getenv("PAXSCREEN_SOURCE_DIR"); s != nullptr && IsDir(s)) return s;
  return PAXSCREEN_SOURCE_DIR_DEFAULT;
}

std::string SharedDataDir() {
  if (const char* s = std::getenv("PAXSCREEN_SHARED_DATA"); s != nullptr && IsDir(s)) {
    return s;
  }
  for (const std::string& candidate :
       {SourceDir() + "/../shared/data", std::string("../shared/data")}) {
    if (IsDir(candidate)) return std::filesystem::weakly_canonical(candidate).string();
  }
  return "";
}

}  // namespace paxscreen
