#include "matcher/compare/pairs_csv.h"

#include "absl/strings/str_cat.h"

namespace paxscreen::compare {

bool CsvReader::Next(std::vector<std::string>* fields) {
  fields->clear();
  record_status_ = absl::OkStatus();
  std::string line;
  if (!std::getline(in_, line)) return false;
  ++line_;
  record_line_ = line_;
  std::string field;
  bool in_quotes = false;
  bool after_quote = false;  // a quoted field just closed: only ',' or the end may follow
  size_t i = 0;
  while (true) {
    if (i == line.size()) {
      if (in_quotes) {
        // The quoted field continues on the next line.
        std::string more;
        if (!std::getline(in_, more)) {
          record_status_ = absl::InvalidArgumentError(
              absl::StrCat("line ", record_line_, ": quoted field not closed"));
          fields->push_back(std::move(field));
          return true;
        }
        ++line_;
        field.push_back('\n');
        line = std::move(more);
        i = 0;
        continue;
      }
      break;
    }
    const char c = line[i++];
    if (in_quotes) {
      if (c == '"') {
        if (i < line.size() && line[i] == '"') {
          field.push_back('"');
          ++i;
        } else {
          in_quotes = false;
          after_quote = true;
        }
      } else {
        field.push_back(c);
      }
    } else if (c == ',') {
      fields->push_back(std::move(field));
      field.clear();
      after_quote = false;
    } else if (c == '\r' && i == line.size()) {
      // CRLF line end.
    } else if (after_quote) {
      record_status_ = absl::InvalidArgumentError(
          absl::StrCat("line ", line_, ": text after a closing quote"));
      fields->push_back(std::move(field));
      return true;
    } else if (c == '"' && field.empty()) {
      in_quotes = true;
    } else {
      field.push_back(c);
    }
  }
  fields->push_back(std::move(field));
  return true;
}

std::string CsvField(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out.push_back(',');
    out += CsvField(fields[i]);
  }
  return out;
}

}  // namespace paxscreen::compare
