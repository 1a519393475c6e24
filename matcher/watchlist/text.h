// Small text helpers the importers share: whitespace clean-up, UTF-8 checks and repair,
// ISO 15924 script detection and the date-of-birth phrases lists use ("11 Apr. 1963",
// "circa 1960", "1965 to 1969", "Nov. 1973").
//
//   DetectScript("حكمت مزبان") == "Arab";  CollapseSpaces("  A \n B ") == "A B"
//   ParseDobText("circa 1960")->approximate == true
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "matcher/model/watchlist_entry.h"

namespace paxscreen::watchlist {

// Leading and trailing ASCII whitespace removed.
std::string_view Trim(std::string_view s);

// Trimmed, every run of ASCII whitespace (newlines and tabs included) turned into one space.
std::string CollapseSpaces(std::string_view s);

// Equal up to the case of ASCII letters.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool IsValidUtf8(std::string_view s);

// `s` unchanged when it is valid UTF-8, else each byte read as ISO-8859-1 (Latin-1), the
// encoding older OFAC and national-list exports use. Never fails.
std::string ToUtf8(std::string_view s);

// The ISO 15924 code of the script most letters of `s` are written in ("Latn", "Arab",
// "Cyrl", "Grek", "Hebr", "Hani", "Hang", "Jpan", "Thai", "Deva", "Ethi", "Geor", "Armn"),
// or "Zyyy" when `s` has no letters. Arabic-script Persian/Pashto/Urdu count as "Arab".
// Cost: one pass over the code points.
std::string DetectScript(std::string_view s);

// Month number 1..12 for an English month name or abbreviation ("Apr", "Apr.", "April",
// "Sept"); 0 when not a month.
int MonthFromName(std::string_view s);

// Parses the date phrases the UN list notes and OFAC remarks use:
//   "1963-04-11", "11 Apr 1963", "11 Apr. 1963", "Apr 1963", "August 1961", "1963",
//   "circa 1960", "approximately 1960", "1965 to 1969", "1965-1969",
//   "01 Jan 1960 to 31 Dec 1962" (kept as the year range 1960..1962).
// Returns nullopt when the text is not one of these or a component is out of range.
std::optional<model::DateOfBirth> ParseDobText(std::string_view text);

// "YYYY-MM-DD" with a real calendar day (leap years included); nullopt otherwise.
std::optional<model::DateOfBirth> ParseIsoDate(std::string_view text);

}  // namespace paxscreen::watchlist
