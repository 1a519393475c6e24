#include "matcher/base/named_type.h"

#include <catch2/catch.hpp>
#include <string>
#include <type_traits>
#include <unordered_set>

#include "absl/container/flat_hash_set.h"

namespace paxscreen {
namespace {

using EntryId = NamedType<std::string, struct EntryIdTag>;
using RecordId = NamedType<std::string, struct RecordIdTag>;

TEST_CASE("NamedType keeps ids of different kinds apart") {
  STATIC_REQUIRE_FALSE(std::is_convertible_v<EntryId, RecordId>);
  STATIC_REQUIRE_FALSE(std::is_convertible_v<std::string, EntryId>);
  EntryId a{"QDi.001"};
  EntryId b{"QDi.002"};
  REQUIRE(a.value() == "QDi.001");
  REQUIRE(a != b);
  REQUIRE(a < b);
}

TEST_CASE("NamedType hashes like its value in std and absl containers") {
  std::unordered_set<EntryId> s{EntryId{"x"}, EntryId{"y"}, EntryId{"x"}};
  REQUIRE(s.size() == 2);
  absl::flat_hash_set<EntryId> a{EntryId{"x"}, EntryId{"y"}, EntryId{"x"}};
  REQUIRE(a.size() == 2);
  REQUIRE(a.contains(EntryId{"y"}));
}

}  // namespace
}  // namespace paxscreen
