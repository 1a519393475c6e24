// Publishing a watchlist to the compacted watchlist topic (`paxscreen watchlist publish`, the
// demo, tests): key = entry_id, value = entry JSON (codec::EncodeWatchlistEntry), a delete
// (op = delete) as a tombstone. The producer is idempotent, so retries do not duplicate.
//
//   PAX_ASSIGN_OR_RETURN(PublishSummary s, PublishWatchlist(props, "pax.watchlist", entries));
//   std::printf("%zu upserts, %zu deletes\n", s.upserts, s.deletes);
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "matcher/model/watchlist_entry.h"
#include "pipeline/kafka/types.h"

namespace paxscreen::screening {

struct PublishSummary {
  size_t upserts = 0;
  size_t deletes = 0;
};

// `props`: connection properties (bootstrap, TLS, SASL; passed to librdkafka verbatim).
// Blocks until every record is delivered (or `timeout_ms`); any failed delivery is an error.
absl::StatusOr<PublishSummary> PublishWatchlist(const kafka::Properties& props,
                                                const std::string& topic,
                                                const std::vector<model::WatchlistEntry>& entries,
                                                int timeout_ms = 30000);

}  // namespace paxscreen::screening
