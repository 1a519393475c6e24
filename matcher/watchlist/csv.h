// A small RFC 4180 CSV reader for the OFAC list files: quoted fields with doubled quotes,
// quoted newlines, CRLF or LF line ends, a trailing Ctrl-Z (0x1A, DOS end-of-file) ignored.
//
//   CsvReader csv(text);
//   while (auto row = csv.Next()) { use((*row)[0]); }   // csv.line() = first line of the row
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace paxscreen::watchlist {

// Reads rows from a text it does not own (the text must outlive the reader). Not thread-safe.
// Malformed quoting never fails: an unterminated quote runs to the end of the input and
// `unterminated_quote()` turns true, so callers can report the row.
class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : text_(text) {}

  // The next non-empty row, or nullopt at the end.
  std::optional<std::vector<std::string>> Next();

  // 1-based line number where the last returned row started.
  size_t line() const { return row_line_; }
  bool unterminated_quote() const { return unterminated_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  size_t line_ = 1;
  size_t row_line_ = 0;
  bool unterminated_ = false;
};

// OFAC writes "-0-" (often followed by a space) for an empty field; returns "" for it and
// the trimmed text otherwise.
std::string OfacField(std::string_view field);

}  // namespace paxscreen::watchlist
