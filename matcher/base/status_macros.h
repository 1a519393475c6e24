// Small helpers for absl::Status on the data path. Debian's Abseil (20220623) ships no
// ABSL_RETURN_IF_ERROR, so paxscreen defines its own two macros here.
//
//   PAX_RETURN_IF_ERROR(ValidateRecord(r));
//   PAX_ASSIGN_OR_RETURN(auto tokens, Tokenize(name));
#pragma once

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define PAX_RETURN_IF_ERROR(expr)                 \
  do {                                            \
    ::absl::Status pax_status_ = (expr);          \
    if (!pax_status_.ok()) return pax_status_;    \
  } while (0)

#define PAX_STATUS_CONCAT_INNER_(a, b) a##b
#define PAX_STATUS_CONCAT_(a, b) PAX_STATUS_CONCAT_INNER_(a, b)

#define PAX_ASSIGN_OR_RETURN(lhs, expr) \
  PAX_ASSIGN_OR_RETURN_IMPL_(PAX_STATUS_CONCAT_(pax_statusor_, __LINE__), lhs, expr)

#define PAX_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, expr) \
  auto statusor = (expr);                               \
  if (!statusor.ok()) return statusor.status();         \
  lhs = std::move(*statusor)
