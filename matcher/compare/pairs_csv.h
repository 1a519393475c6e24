// Reading and writing the CSV pair files of `paxscreen compare --pairs` and the labelled pair
// set (RFC 4180: comma separated, fields optionally in double quotes, "" inside quotes is a quote,
// quoted fields may hold commas and newlines; CRLF or LF line ends).
//
//   CsvReader reader(std::cin);
//   std::vector<std::string> row;
//   while (reader.Next(&row)) { ... }  // reader.status() says why it stopped early
//
// CsvReader borrows the stream (the caller keeps it alive); not thread-safe. Cost: linear.
#pragma once

#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"

namespace paxscreen::compare {

class CsvReader {
 public:
  explicit CsvReader(std::istream& in) : in_(in) {}

  // Reads the next record into `fields`. Returns false at the end of input. A malformed record
  // (a quote opened and never closed, text after a closing quote) returns true with
  // record_status() naming the line; the reader resynchronizes at the next line.
  bool Next(std::vector<std::string>* fields);

  // The status of the record Next() returned last.
  const absl::Status& record_status() const { return record_status_; }
  // The 1-based line on which the record Next() returned last started.
  int record_line() const { return record_line_; }

 private:
  std::istream& in_;
  int line_ = 0;  // lines consumed so far
  int record_line_ = 0;
  absl::Status record_status_;
};

// Quotes a field when it holds a comma, quote, CR or LF.
std::string CsvField(std::string_view field);

// Joins fields into one CSV line (without the line end).
std::string CsvLine(const std::vector<std::string>& fields);

}  // namespace paxscreen::compare
