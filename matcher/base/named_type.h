// Strong types for identifiers that must never be mixed up (record id, entry id, shard id).
//
//   using EntryId = NamedType<std::string, struct EntryIdTag>;
//   EntryId id{"QDi.001"};  id.value() == "QDi.001";
#pragma once

#include <compare>
#include <functional>
#include <utility>

namespace paxscreen {

// A value of type T that only converts explicitly. Tag makes each alias a distinct type.
// Cheap to copy when T is; no thread-safety concerns beyond T's own.
template <typename T, typename Tag>
class NamedType {
 public:
  using value_type = T;
  NamedType() = default;
  explicit NamedType(T value) : value_(std::move(value)) {}

  const T& value() const& { return value_; }
  T&& value() && { return std::move(value_); }

  friend bool operator==(const NamedType&, const NamedType&) = default;
  friend auto operator<=>(const NamedType&, const NamedType&) = default;

  template <typename H>
  friend H AbslHashValue(H h, const NamedType& v) {
    return H::combine(std::move(h), v.value_);
  }

 private:
  T value_{};
};

}  // namespace paxscreen

template <typename T, typename Tag>
struct std::hash<paxscreen::NamedType<T, Tag>> {
  size_t operator()(const paxscreen::NamedType<T, Tag>& v) const noexcept {
    return std::hash<T>{}(v.value());
  }
};
