// A tiny HTTP/1.1 server for /metrics, /healthz and /readyz: one thread, one connection at a
// time, GET/HEAD only, `Connection: close`. Enough for a Prometheus scrape and a probe; not a
// general web server (no keep-alive, no chunked bodies, requests capped at 8 KiB).
//
//   HttpServer server({.host = "127.0.0.1", .port = 0}, [](const HttpRequest& r) { ... });
//   PAX_RETURN_IF_ERROR(server.Start());  int port = server.port();
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <thread>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace paxscreen::service {

struct HttpRequest {
  std::string method;
  std::string path;  // without the query string
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
};

struct HttpServerOptions {
  std::string host = "127.0.0.1";  // an IPv4 address; "0.0.0.0" exposes it (not the default)
  int port = 9102;                 // 0: any free port (see port())
  int read_timeout_ms = 2000;
};

// "HOST:PORT" → options (host defaults to 127.0.0.1 when the text is just a port).
absl::StatusOr<HttpServerOptions> ParseListenAddress(const std::string& text);

// Owns the listening socket and its thread. The handler runs on that thread and must be
// thread-safe with respect to the rest of the program. Start/Stop from one thread.
class HttpServer {
 public:
  using Handler = std::function<HttpResponse(const HttpRequest&)>;
  HttpServer(HttpServerOptions options, Handler handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  absl::Status Start();
  void Stop();
  int port() const { return port_; }

 private:
  void Loop();
  void Serve(int fd);

  HttpServerOptions options_;
  Handler handler_;
  int listen_fd_ = -1;
  int wake_pipe_[2] = {-1, -1};
  int port_ = 0;
  std::thread thread_;
};

// GET http://127.0.0.1:port/path; returns "STATUS\n\nBODY" parts. For tests and probes.
absl::StatusOr<std::pair<int, std::string>> HttpGet(int port, const std::string& path,
                                                    int timeout_ms = 2000);

}  // namespace paxscreen::service
