// Field conversions shared by the PAXLST and PNRGOV decoders (internal to pipeline/edifact):
// EDIFACT date formats to ISO 8601, sex codes, trimming, record-id parts.
//
//   std::string dob = DateFromYymmdd("780706", /*reference_year=*/2014, /*past=*/true);
//   // "1978-07-06"
#pragma once

#include <string>
#include <string_view>

namespace paxscreen::edifact {

std::string_view Trim(std::string_view s);
std::string TrimCopy(std::string_view s);

// Two-digit years: with past=true (dates of birth) the century puts the year at or before
// reference_year; with past=false (expiry, flights) within [reference_year-50, reference_year+49].
int ExpandYear(int yy, int reference_year, bool past);

// "YYMMDD" / "CCYYMMDD" (DTM format 101/102, or guessed by length) → "YYYY-MM-DD"; "" if invalid.
std::string DateFromDtm(std::string_view value, std::string_view format, int reference_year,
                        bool past);
// "YYMMDDHHMM" / "CCYYMMDDHHMM" (DTM format 201/203) → "YYYY-MM-DDTHH:MM"; date-only values are
// accepted too. "" if invalid.
std::string DateTimeFromDtm(std::string_view value, std::string_view format, int reference_year);
// PNRGOV TVL: "DDMMYY" + optional "HHMM" → "YYYY-MM-DD[THH:MM]"; "" if the date is invalid.
std::string DateTimeFromDdmmyy(std::string_view date, std::string_view time, int reference_year);
// SSR DOCS dates: "12JUL64" → "1964-07-12"; "" if invalid.
std::string DateFromDdmonyy(std::string_view value, int reference_year, bool past);

// Validates a calendar date.
bool ValidDate(int year, int month, int day);

// "M", "F", "U", "X" (also "MI"/"FI" infant codes from SSR DOCS) → model code; "" if unknown.
std::string SexCode(std::string_view value);

// Keeps letters, digits, '.', '-' and '_' so a record id never carries separators or spaces.
std::string IdPart(std::string_view s);

// True for three letters A-Z (ISO 3166-1 alpha-3 shape; the record schema requires it).
bool Alpha3(std::string_view s);

// The year of the current clock (fallback when a message carries no preparation date).
int CurrentYear();

// Removes title words (MR, MRS, MS, MISS, MSTR, DR, ...) written as separate words at the end
// of a PNR given name ("TESTNAMEONE MRS" → "TESTNAMEONE"). Titles glued to the name
// ("JOHNMR") are kept: removing them would damage names such as "WILLIAMS".
std::string StripTitle(std::string_view given);

}  // namespace paxscreen::edifact
