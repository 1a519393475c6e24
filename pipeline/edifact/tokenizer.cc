#include "pipeline/edifact/tokenizer.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace paxscreen::edifact {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool IsLineBreak(char c) { return c == '\r' || c == '\n'; }
bool IsTagChar(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// Returns the n-th piece of `s` split on `sep`, skipping separators preceded by `release`.
// Cost: one linear scan up to the end of the piece.
std::string_view Piece(std::string_view s, char sep, char release, size_t n) {
  size_t start = 0;
  size_t index = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == release) {
      ++i;
      continue;
    }
    if (c == sep) {
      if (index == n) return s.substr(start, i - start);
      ++index;
      start = i + 1;
    }
  }
  if (index == n) return s.substr(start);
  return {};
}

size_t CountPieces(std::string_view s, char sep, char release) {
  size_t n = 1;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == release) {
      ++i;
    } else if (s[i] == sep) {
      ++n;
    }
  }
  return n;
}

}  // namespace

std::string SafeTag(std::string_view tag) {
  std::string out;
  for (char c : tag.substr(0, 8)) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x21 && u < 0x7f) {
      out.push_back(c);
    } else {
      static const char kHex[] = "0123456789ABCDEF";
      out += "\\x";
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 15]);
    }
  }
  if (tag.size() > 8) out += "...";
  return out;
}

std::vector<std::string_view> SplitAll(std::string_view s, char sep, char release) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == release) {
      ++i;
    } else if (s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  out.push_back(s.substr(std::min(start, s.size())));
  return out;
}

std::vector<std::string_view> Segment::RawElements() const {
  if (data_.empty()) return {};
  return SplitAll(data_.substr(1), delims_.element, delims_.release);
}

std::vector<std::string_view> Segment::SplitComponents(std::string_view raw_element) const {
  if (raw_element.empty()) return {};
  return SplitAll(raw_element, delims_.component, delims_.release);
}

size_t Segment::ElementCount() const {
  if (data_.empty()) return 0;
  return CountPieces(data_.substr(1), delims_.element, delims_.release);
}

std::string_view Segment::RawElement(size_t element) const {
  if (data_.empty()) return {};
  return Piece(data_.substr(1), delims_.element, delims_.release, element);
}

size_t Segment::ComponentCount(size_t element) const {
  std::string_view e = RawElement(element);
  return e.empty() ? 0 : CountPieces(e, delims_.component, delims_.release);
}

std::string_view Segment::RawComponent(size_t element, size_t component) const {
  return Piece(RawElement(element), delims_.component, delims_.release, component);
}

std::string Segment::Unescape(std::string_view raw) const {
  bool plain = std::none_of(raw.begin(), raw.end(), [this](char c) {
    return c == delims_.release || IsLineBreak(c);
  });
  if (plain) return std::string(raw);
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == delims_.release) {
      if (i + 1 < raw.size()) out.push_back(raw[++i]);
    } else if (!IsLineBreak(c) || c == delims_.segment) {
      out.push_back(c);
    }
  }
  return out;
}

std::string Segment::Text(size_t element, size_t component) const {
  return Unescape(RawComponent(element, component));
}

std::string Segment::TextFrom(size_t element, size_t from) const {
  std::string out;
  std::vector<std::string_view> parts = SplitComponents(RawElement(element));
  for (size_t c = from; c < parts.size(); ++c) {
    if (c > from) out.push_back(delims_.component);
    out += Unescape(parts[c]);
  }
  return out;
}

Tokenizer::Tokenizer(std::string_view input) : input_(input) {}

bool Tokenizer::Fail(std::string message) {
  status_ = absl::InvalidArgumentError(message);
  return false;
}

// UNA is followed by six service characters. One sample sender writes only five ("UNA:+\*'"
// then a line break): when the sixth is a line break and the fifth is an apostrophe, the
// decimal mark is taken as missing.
bool Tokenizer::ParseUna() {
  std::string_view s = input_.substr(pos_ + 3);
  if (s.size() < 5) return Fail(absl::StrCat("segment ", count_ + 1, " 'UNA' at byte ", pos_,
                                             ": service string advice is truncated"));
  Delimiters d;
  // One sample's UNA ends in a typographic apostrophe (UTF-8 E2 80 99) while its segments
  // end in ASCII ones: a non-ASCII terminator is read as the standard apostrophe.
  if (s.size() >= 6 && static_cast<unsigned char>(s[5]) >= 0x80) {
    d.component = s[0];
    d.element = s[1];
    d.decimal = s[2];
    d.release = s[3];
    d.repetition = s[4];
    d.segment = '\'';
    pos_ += 9;
    while (pos_ < input_.size() && (static_cast<unsigned char>(input_[pos_]) & 0xC0) == 0x80) {
      ++pos_;
    }
    warnings_.push_back("UNA segment terminator is not ASCII; assumed apostrophe");
  } else if (s.size() >= 6 && !(IsLineBreak(s[5]) && s[4] == '\'')) {
    d.component = s[0];
    d.element = s[1];
    d.decimal = s[2];
    d.release = s[3];
    d.repetition = s[4];
    d.segment = s[5];
    pos_ += 9;
  } else {
    d.component = s[0];
    d.element = s[1];
    d.decimal = '.';
    d.release = s[2];
    d.repetition = s[3];
    d.segment = s[4];
    pos_ += 8;
    warnings_.push_back("UNA declares five service characters; assumed the decimal mark missing");
  }
  if (d.component == d.element || d.element == d.segment || d.component == d.segment ||
      d.release == d.element || d.release == d.segment || d.release == d.component) {
    return Fail(absl::StrCat("segment ", count_ + 1,
                             " 'UNA': separators, release character and terminator must differ"));
  }
  // A release character of space means "none" in the syntax rules.
  if (d.release == ' ') d.release = '\0';
  delims_ = d;
  return true;
}

bool Tokenizer::Next(Segment* segment) {
  if (!status_.ok()) return false;
  for (;;) {
    while (pos_ < input_.size() && IsSpace(input_[pos_])) ++pos_;
    if (pos_ >= input_.size()) return false;
    if ((count_ == 0 || after_unz_) && input_.compare(pos_, 3, "UNA") == 0) {
      if (!ParseUna()) return false;
      after_unz_ = false;
      continue;
    }
    break;
  }
  const size_t start = pos_;
  size_t end = std::string_view::npos;
  for (size_t i = start; i < input_.size(); ++i) {
    char c = input_[i];
    if (c == delims_.release && delims_.release != '\0') {
      ++i;
    } else if (c == delims_.segment) {
      end = i;
      break;
    }
  }
  const bool terminated = end != std::string_view::npos;
  if (!terminated) end = input_.size();
  std::string_view body = input_.substr(start, end - start);
  size_t tag_end = 0;
  while (tag_end < body.size() && body[tag_end] != delims_.element &&
         body[tag_end] != delims_.component) {
    ++tag_end;
  }
  std::string_view tag = body.substr(0, tag_end);
  while (!tag.empty() && IsSpace(tag.back())) tag.remove_suffix(1);
  const bool valid_tag = tag.size() == 3 && std::all_of(tag.begin(), tag.end(), IsTagChar);
  if (after_unz_ && (!valid_tag || tag != "UNB")) {
    warnings_.push_back(absl::StrCat("ignored ", input_.size() - start,
                                     " bytes of stray text after UNZ at byte ", start));
    pos_ = input_.size();
    return false;
  }
  if (!valid_tag) {
    return Fail(absl::StrCat("segment ", count_ + 1, " '", SafeTag(tag), "' at byte ", start,
                             ": not a segment tag (three letters or digits expected)"));
  }
  if (!terminated) {
    if (tag != "UNZ") {
      return Fail(absl::StrCat("segment ", count_ + 1, " '", SafeTag(tag), "' at byte ", start,
                               ": input truncated (no segment terminator '",
                               std::string(1, delims_.segment), "')"));
    }
    warnings_.push_back("UNZ has no segment terminator");
    // Text after the UNZ elements on later lines is stray (a comment left in a file).
    size_t nl = body.find_first_of("\r\n");
    if (nl != std::string_view::npos) {
      body = body.substr(0, nl);
      // The line may end inside the whitespace after the tag ("UNZ\r\n" at the very end).
      tag_end = std::min(tag_end, body.size());
      warnings_.push_back(absl::StrCat("ignored stray text after UNZ at byte ", start + nl));
    }
  }
  ++count_;
  *segment = Segment(tag, body.substr(tag_end), delims_, count_, start);
  pos_ = terminated ? end + 1 : input_.size();
  if (tag == "UNZ") after_unz_ = true;
  if (tag == "UNB") after_unz_ = false;
  return true;
}

}  // namespace paxscreen::edifact
