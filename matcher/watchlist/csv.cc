#include "matcher/watchlist/csv.h"

#include "matcher/watchlist/text.h"

namespace paxscreen::watchlist {

std::optional<std::vector<std::string>> CsvReader::Next() {
  while (pos_ < text_.size()) {
    // Skip blank lines and the DOS end-of-file marker.
    const char c = text_[pos_];
    if (c == '\n') {
      ++pos_;
      ++line_;
      continue;
    }
    if (c == '\r' || c == '\x1a') {
      ++pos_;
      continue;
    }
    row_line_ = line_;
    unterminated_ = false;
    std::vector<std::string> row;
    std::string field;
    bool in_quotes = false;
    while (pos_ < text_.size()) {
      const char ch = text_[pos_];
      if (in_quotes) {
        if (ch == '"') {
          if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
            field.push_back('"');
            pos_ += 2;
            continue;
          }
          in_quotes = false;
          ++pos_;
          continue;
        }
        if (ch == '\n') ++line_;
        field.push_back(ch);
        ++pos_;
        continue;
      }
      if (ch == '"') {
        in_quotes = true;
        ++pos_;
      } else if (ch == ',') {
        row.push_back(std::move(field));
        field.clear();
        ++pos_;
      } else if (ch == '\r' || ch == '\n') {
        break;
      } else {
        field.push_back(ch);
        ++pos_;
      }
    }
    unterminated_ = in_quotes;
    row.push_back(std::move(field));
    if (row.size() == 1 && Trim(row[0]).empty()) continue;
    if (row.size() == 1 && row[0] == "\x1a") continue;
    return row;
  }
  return std::nullopt;
}

std::string OfacField(std::string_view field) {
  std::string_view t = Trim(field);
  if (t == "-0-") return "";
  return std::string(t);
}

}  // namespace paxscreen::watchlist
