#include <catch2/catch.hpp>

#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "pipeline/service/http_server.h"
#include "pipeline/service/metrics.h"

namespace paxscreen::service {
namespace {

TEST_CASE("registry renders the Prometheus text format", "[metrics]") {
  MetricsRegistry r;
  Counter& c = r.AddCounter("x_records_total", "Records seen");
  Gauge& g = r.AddGauge("x_watchlist_version", "Loaded version", {{"list", "UN \"SC\""}});
  Histogram& h = r.AddHistogram("x_latency_seconds", "Latency", {0.1, 1});
  c.Increment(3);
  CHECK(&r.AddCounter("x_records_total", "again") == &c);  // same series
  g.Set(42.5);
  h.Observe(0.05);
  h.Observe(0.5);
  h.Observe(7);
  const std::string page = r.RenderPrometheus();
  CHECK(absl::StrContains(page, "# HELP x_records_total Records seen\n# TYPE x_records_total counter\nx_records_total 3\n"));
  CHECK(absl::StrContains(page, "x_watchlist_version{list=\"UN \\\"SC\\\"\"} 42.5\n"));
  CHECK(absl::StrContains(page, "# TYPE x_latency_seconds histogram\n"));
  CHECK(absl::StrContains(page, "x_latency_seconds_bucket{le=\"0.10000000000000001\"} 1\n"));
  CHECK(absl::StrContains(page, "x_latency_seconds_bucket{le=\"1\"} 2\n"));
  CHECK(absl::StrContains(page, "x_latency_seconds_bucket{le=\"+Inf\"} 3\n"));
  CHECK(absl::StrContains(page, "x_latency_seconds_count 3\n"));
  CHECK(h.Quantile(0.5) == 1);
  CHECK(std::isinf(h.Quantile(1.0)));
}

TEST_CASE("counters and histograms are exact under concurrent updates", "[metrics]") {
  MetricsRegistry r;
  Counter& c = r.AddCounter("c_total", "c");
  Histogram& h = r.AddHistogram("h", "h", ExponentialBuckets(1, 2, 4));
  std::vector<std::thread> ts;
  for (int t = 0; t < 4; ++t) {
    ts.emplace_back([&] {
      for (int i = 0; i < 10000; ++i) {
        c.Increment();
        h.Observe(i % 10);
      }
    });
  }
  for (auto& t : ts) t.join();
  CHECK(c.Value() == 40000);
  CHECK(h.Count() == 40000);
  CHECK(h.Sum() == Approx(4 * 1000 * 45.0));
}

TEST_CASE("HTTP server answers GET over a real socket", "[http]") {
  HttpServer server({"127.0.0.1", 0, 1000}, [](const HttpRequest& req) {
    if (req.path == "/hello") return HttpResponse{200, "text/plain", "hi\n"};
    return HttpResponse{404, "text/plain", "no\n"};
  });
  REQUIRE(server.Start().ok());
  REQUIRE(server.port() > 0);
  for (int i = 0; i < 3; ++i) {  // one connection at a time, repeatedly
    auto r = HttpGet(server.port(), "/hello?x=1");
    REQUIRE(r.ok());
    CHECK(r->first == 200);
    CHECK(r->second == "hi\n");
  }
  auto nf = HttpGet(server.port(), "/other");
  REQUIRE(nf.ok());
  CHECK(nf->first == 404);
  server.Stop();
  CHECK_FALSE(HttpGet(server.port(), "/hello", 200).ok());
}

TEST_CASE("listen addresses parse; non-IPv4 hosts are refused", "[http]") {
  auto a = ParseListenAddress("127.0.0.1:9102");
  REQUIRE(a.ok());
  CHECK(a->host == "127.0.0.1");
  CHECK(a->port == 9102);
  auto b = ParseListenAddress("9300");
  REQUIRE(b.ok());
  CHECK(b->host == "127.0.0.1");
  CHECK_FALSE(ParseListenAddress("localhost:1").ok());
  CHECK_FALSE(ParseListenAddress("127.0.0.1:99999").ok());
}

}  // namespace
}  // namespace paxscreen::service
