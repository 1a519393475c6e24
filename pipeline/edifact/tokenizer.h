// UN/EDIFACT tokenizer: splits an interchange into segments, elements and components while
// honouring the UNA service string advice (ISO 9735-1 section 5 / UN/ECE syntax rules).
//
//   Tokenizer tok(message);
//   for (Segment s; tok.Next(&s);) if (s.tag() == "NAD") Use(s.Text(3, 0));
//   if (!tok.status().ok()) ...  // names the segment number and tag
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"

namespace paxscreen::edifact {

// The service characters an interchange declares in UNA, or the syntax-level-A defaults.
// The repetition separator (UNA position 5) is recorded but never split on: PAXLST and PNRGOV do
// not use repetitions, and real senders put '*' in data (e.g. "APIS*C3K") with default UNA.
struct Delimiters {
  char component = ':';
  char element = '+';
  char decimal = '.';
  char release = '?';
  char repetition = '*';
  char segment = '\'';
};

// One segment: views into the message (no copy). Element 0 is the first data element after the
// tag ("NAD+FL+++SMITH:JOHN": element 0 = "FL", element 3 component 1 = "JOHN").
// Raw views may contain release characters and line breaks; Text() removes both.
// Valid only while the message buffer lives.
class Segment {
 public:
  Segment() = default;
  Segment(std::string_view tag, std::string_view data, const Delimiters& delims, size_t number,
          size_t offset)
      : tag_(tag), data_(data), delims_(delims), number_(number), offset_(offset) {}

  std::string_view tag() const { return tag_; }
  // Everything after the tag up to (not including) the terminator; starts with the element
  // separator unless the segment has no elements.
  std::string_view data() const { return data_; }
  size_t number() const { return number_; }  // 1-based, counted from the first segment after UNA
  size_t offset() const { return offset_; }  // byte offset of the tag in the input

  size_t ElementCount() const;
  size_t ComponentCount(size_t element) const;
  // The raw (still escaped) element / component; empty when absent. Cost: one scan of the segment.
  std::string_view RawElement(size_t element) const;
  std::string_view RawComponent(size_t element, size_t component) const;
  // Unescaped text: release characters and CR/LF (line wrapping) removed. Allocates only when
  // the raw text needs unescaping or is long enough to leave the small-string buffer.
  std::string Text(size_t element, size_t component = 0) const;
  // Components `from`..end of an element, unescaped, joined with the component separator.
  std::string TextFrom(size_t element, size_t from) const;
  // True when the element / component is absent or empty.
  bool Empty(size_t element, size_t component = 0) const {
    return RawComponent(element, component).empty();
  }
  const Delimiters& delimiters() const { return delims_; }

  // Every element / every component of a raw element in one scan: use these, not repeated
  // RawComponent calls, to walk a segment of unknown length (linear instead of quadratic).
  std::vector<std::string_view> RawElements() const;
  std::vector<std::string_view> SplitComponents(std::string_view raw_element) const;
  // Removes release characters and CR/LF from a raw piece of this segment.
  std::string Unescape(std::string_view raw) const;

 private:

  std::string_view tag_;
  std::string_view data_;
  Delimiters delims_;
  size_t number_ = 0;
  size_t offset_ = 0;
};

// Streams the segments of one input (one or several interchanges; a UNA may precede each).
// Holds a view of the input: the caller keeps the buffer alive. Not thread-safe; cheap to create.
// Tolerates: leading/trailing whitespace and line breaks between segments, line breaks inside
// segments (wrapped lines), a space between tag and separator ("UNG *..."), a missing terminator
// after UNZ, and stray text after the last UNZ (each recorded as a warning).
class Tokenizer {
 public:
  explicit Tokenizer(std::string_view input);

  // Fills *segment with the next segment; false at the end of input or on error (see status()).
  bool Next(Segment* segment);
  const absl::Status& status() const { return status_; }
  const Delimiters& delimiters() const { return delims_; }
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  bool ParseUna();
  bool Fail(std::string message);

  std::string_view input_;
  size_t pos_ = 0;
  size_t count_ = 0;
  bool after_unz_ = false;
  Delimiters delims_;
  absl::Status status_;
  std::vector<std::string> warnings_;
};

// A printable, length-limited rendering of a tag for error messages (never personal data).
std::string SafeTag(std::string_view tag);

}  // namespace paxscreen::edifact
