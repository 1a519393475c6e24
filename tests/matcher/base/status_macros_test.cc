#include "matcher/base/status_macros.h"

#include <catch2/catch.hpp>
#include <string>

namespace paxscreen {
namespace {

absl::StatusOr<int> ParseDigit(char c) {
  if (c < '0' || c > '9') return absl::InvalidArgumentError(std::string("not a digit: ") + c);
  return c - '0';
}

absl::StatusOr<int> SumDigits(const std::string& s) {
  int sum = 0;
  for (char c : s) {
    PAX_ASSIGN_OR_RETURN(int d, ParseDigit(c));
    sum += d;
  }
  return sum;
}

absl::Status CheckEven(const std::string& s) {
  PAX_ASSIGN_OR_RETURN(int sum, SumDigits(s));
  if (sum % 2 != 0) return absl::FailedPreconditionError("odd");
  return absl::OkStatus();
}

absl::Status CheckBoth(const std::string& a, const std::string& b) {
  PAX_RETURN_IF_ERROR(CheckEven(a));
  PAX_RETURN_IF_ERROR(CheckEven(b));
  return absl::OkStatus();
}

TEST_CASE("PAX_ASSIGN_OR_RETURN passes values and returns the first error") {
  REQUIRE(SumDigits("123").value() == 6);
  auto bad = SumDigits("12x4");
  REQUIRE_FALSE(bad.ok());
  REQUIRE(bad.status().message() == "not a digit: x");
}

TEST_CASE("PAX_RETURN_IF_ERROR stops at the first failing call") {
  REQUIRE(CheckBoth("22", "4").ok());
  REQUIRE(CheckBoth("21", "4").code() == absl::StatusCode::kFailedPrecondition);
  REQUIRE(CheckBoth("22", "z").code() == absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace paxscreen
