// `paxscreen decode`: PAXLST / PNRGOV / NDJSON input → passenger records as NDJSON, so a user
// sees exactly what the screening engine sees.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "pipeline/cli/command.h"
#include "pipeline/cli/shared_flags.h"
#include "pipeline/codec/passenger_json.h"
#include "pipeline/edifact/decode.h"
#include "pipeline/edifact/paxlst.h"
#include "pipeline/edifact/pnrgov.h"


namespace paxscreen::cli {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitPartial = 1;
constexpr int kExitUsage = 2;
constexpr int kExitRejected = 3;

constexpr char kUsage[] =
    "Usage: paxscreen decode [--format auto|paxlst|pnrgov|ndjson] [FILE|-]\n"
    "\n"
    "Decodes API (UN/EDIFACT PAXLST), PNR (PNRGOV) or NDJSON passenger records and prints one\n"
    "JSON passenger record per line on stdout: one per traveller (PNRGOV: per traveller per\n"
    "flight segment). Reads stdin when FILE is '-' or absent.\n"
    "Errors name the segment number and tag (or the NDJSON line and record_id), never a name or\n"
    "document number; a summary line ends stderr.\n"
    "\n"
    "Examples:\n"
    "  paxscreen decode ../shared/data/messages/paxlst/gtas-loader_Test1.txt\n"
    "  paxscreen decode --format pnrgov < pnr.edi | jq -r .passenger.surname\n"
    "  cat records.ndjson | paxscreen decode --format ndjson -   # validate JSON records\n"
    "\n"
    "Exit status: 0 every traveller/record decoded; 1 some travellers or records rejected (the\n"
    "others are printed); 2 usage error; 3 input unreadable or the whole message rejected\n"
    "(malformed EDIFACT, unknown format).";

bool ReadInput(const std::string& path, std::string* out) {
  std::ostringstream buffer;
  if (path == "-") {
    buffer << std::cin.rdbuf();
    *out = buffer.str();
    return !std::cin.bad();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  buffer << in.rdbuf();
  *out = buffer.str();
  return !in.bad();
}

int RunDecode(std::vector<std::string> args) {
  if (args.size() > 1) {
    std::fprintf(stderr, "paxscreen decode: at most one input file\n\n%s\n", kUsage);
    return kExitUsage;
  }
  const std::string path = args.empty() ? "-" : args[0];
  const std::string format_flag = absl::GetFlag(FLAGS_format);
  edifact::MessageFormat format;
  if (format_flag == "paxlst") {
    format = edifact::MessageFormat::kPaxlst;
  } else if (format_flag == "pnrgov") {
    format = edifact::MessageFormat::kPnrgov;
  } else if (format_flag == "ndjson") {
    format = edifact::MessageFormat::kNdjson;
  } else if (format_flag == "auto") {
    format = edifact::MessageFormat::kUnknown;
  } else {
    std::fprintf(stderr, "paxscreen decode: --format must be auto, paxlst, pnrgov or ndjson\n");
    return kExitUsage;
  }
  std::string input;
  if (!ReadInput(path, &input)) {
    std::fprintf(stderr, "paxscreen decode: cannot read %s\n", path.c_str());
    return kExitRejected;
  }
  if (format == edifact::MessageFormat::kUnknown) format = edifact::DetectFormat(input);
  const std::string name(edifact::FormatName(format));

  size_t records = 0;
  size_t errors = 0;
  size_t warnings = 0;
  if (format == edifact::MessageFormat::kNdjson) {
    codec::NdjsonResult result = codec::DecodePassengerRecordsNdjson(input);
    for (const auto& r : result.records) {
      std::fputs(codec::EncodePassengerRecord(r).c_str(), stdout);
      std::fputc('\n', stdout);
      warnings += r.warnings.size();
    }
    for (const auto& e : result.errors) {
      std::fprintf(stderr, "error: %s\n", e.message.c_str());
    }
    records = result.records.size();
    errors = result.errors.size();
  } else if (format == edifact::MessageFormat::kUnknown) {
    std::fprintf(stderr,
                 "error: %s: format not recognised (no UNH naming PAXLST/PNRGOV, not JSON); "
                 "use --format\n",
                 path.c_str());
    std::fprintf(stderr, "summary: format=unknown records=0 errors=1\n");
    return kExitRejected;
  } else {
    absl::StatusOr<edifact::DecodeResult> result = format == edifact::MessageFormat::kPaxlst
                                                       ? edifact::DecodePaxlst(input)
                                                       : edifact::DecodePnrgov(input);
    if (!result.ok()) {
      std::fprintf(stderr, "error: %s: message rejected: %s\n", path.c_str(),
                   std::string(result.status().message()).c_str());
      std::fprintf(stderr, "summary: format=%s records=0 errors=1 (message rejected)\n",
                   name.c_str());
      return kExitRejected;
    }
    for (const auto& r : result->records) {
      std::fputs(codec::EncodePassengerRecord(r).c_str(), stdout);
      std::fputc('\n', stdout);
    }
    for (const auto& e : result->errors) {
      std::fprintf(stderr, "error: traveller %zu, segment %zu '%s': %s\n", e.traveller, e.segment,
                   e.tag.c_str(), e.message.c_str());
    }
    for (const auto& w : result->warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
    records = result->records.size();
    errors = result->errors.size();
    warnings = result->warnings.size();
    for (const auto& r : result->records) warnings += r.warnings.size();
    std::fprintf(stderr, "summary: format=%s messages=%zu records=%zu errors=%zu warnings=%zu\n",
                 name.c_str(), result->messages, records, errors, warnings);
    return errors == 0 ? kExitOk : kExitPartial;
  }
  std::fprintf(stderr, "summary: format=%s records=%zu errors=%zu warnings=%zu\n", name.c_str(),
               records, errors, warnings);
  return errors == 0 ? kExitOk : kExitPartial;
}

}  // namespace

PAXSCREEN_COMMAND_WITH_SHARED_FLAGS(
    "decode", "Decode PAXLST/PNRGOV/NDJSON input into passenger records (NDJSON)", kUsage,
    RunDecode, "format");

}  // namespace paxscreen::cli
