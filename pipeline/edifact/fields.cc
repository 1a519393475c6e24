#include "pipeline/edifact/fields.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace paxscreen::edifact {
namespace {

bool Digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int Num(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::string FormatDate(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
  return buf;
}

bool ValidTime(std::string_view hhmm) {
  return hhmm.size() == 4 && Digits(hhmm) && Num(hhmm.substr(0, 2)) < 24 &&
         Num(hhmm.substr(2, 2)) < 60;
}

}  // namespace

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string TrimCopy(std::string_view s) { return std::string(Trim(s)); }

int ExpandYear(int yy, int reference_year, bool past) {
  int century = reference_year / 100 * 100;
  int year = century + yy;
  if (past) {
    if (year > reference_year) year -= 100;
  } else {
    if (year > reference_year + 49) year -= 100;
    if (year < reference_year - 50) year += 100;
  }
  return year;
}

bool ValidDate(int year, int month, int day) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  if (day > kDays[month - 1]) return false;
  if (month == 2 && day == 29) {
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap;
  }
  return true;
}

std::string DateFromDtm(std::string_view value, std::string_view format, int reference_year,
                        bool past) {
  value = Trim(value);
  if (!Digits(value)) return "";
  int y = 0;
  size_t rest = 0;
  if (format == "102" || (format.empty() && value.size() == 8)) {
    if (value.size() < 8) return "";
    y = Num(value.substr(0, 4));
    rest = 4;
  } else {
    if (value.size() < 6) return "";
    y = ExpandYear(Num(value.substr(0, 2)), reference_year, past);
    rest = 2;
  }
  int m = Num(value.substr(rest, 2));
  int d = Num(value.substr(rest + 2, 2));
  if (!ValidDate(y, m, d)) return "";
  return FormatDate(y, m, d);
}

std::string DateTimeFromDtm(std::string_view value, std::string_view format, int reference_year) {
  value = Trim(value);
  if (!Digits(value)) return "";
  bool four_digit_year = format == "203" || format == "102" ||
                         (format.empty() && (value.size() == 12 || value.size() == 8));
  size_t date_len = four_digit_year ? 8 : 6;
  if (value.size() < date_len) return "";
  std::string date = DateFromDtm(value.substr(0, date_len), four_digit_year ? "102" : "101",
                                 reference_year, false);
  if (date.empty()) return "";
  std::string_view time = value.substr(date_len);
  if (time.empty()) return date;
  if (!ValidTime(time)) return "";
  return absl::StrCat(date, "T", absl::string_view(time.data(), 2), ":",
                      absl::string_view(time.data() + 2, 2));
}

std::string DateTimeFromDdmmyy(std::string_view date, std::string_view time, int reference_year) {
  date = Trim(date);
  if (date.size() != 6 || !Digits(date)) return "";
  int d = Num(date.substr(0, 2));
  int m = Num(date.substr(2, 2));
  int y = ExpandYear(Num(date.substr(4, 2)), reference_year, false);
  if (!ValidDate(y, m, d)) return "";
  std::string out = FormatDate(y, m, d);
  time = Trim(time);
  if (ValidTime(time)) {
    absl::StrAppend(&out, "T", absl::string_view(time.data(), 2), ":",
                    absl::string_view(time.data() + 2, 2));
  }
  return out;
}

std::string DateFromDdmonyy(std::string_view value, int reference_year, bool past) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  value = Trim(value);
  if (value.size() != 7 && value.size() != 9) return "";
  std::string_view dd = value.substr(0, 2);
  std::string mon = absl::AsciiStrToUpper(
      absl::string_view(value.data() + 2, 3));
  std::string_view yy = value.substr(5);
  if (!Digits(dd) || !Digits(yy)) return "";
  int m = 0;
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (kMonths[i] == mon) m = static_cast<int>(i) + 1;
  }
  int y = yy.size() == 4 ? Num(yy) : ExpandYear(Num(yy), reference_year, past);
  if (!ValidDate(y, m, Num(dd))) return "";
  return FormatDate(y, m, Num(dd));
}

std::string SexCode(std::string_view value) {
  value = Trim(value);
  if (value == "M" || value == "MI") return "M";
  if (value == "F" || value == "FI") return "F";
  if (value == "U") return "U";
  if (value == "X") return "X";
  return "";
}

std::string IdPart(std::string_view s) {
  std::string out;
  for (char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
        c == '-' || c == '_') {
      out.push_back(c);
    }
  }
  return out;
}

bool Alpha3(std::string_view s) {
  return s.size() == 3 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

int CurrentYear() {
  auto now = std::chrono::system_clock::now();
  auto days = std::chrono::floor<std::chrono::days>(now);
  return static_cast<int>(std::chrono::year_month_day(days).year());
}

std::string StripTitle(std::string_view given) {
  static constexpr std::array<std::string_view, 9> kTitles = {
      "MR", "MRS", "MS", "MISS", "MSTR", "DR", "MISTER", "PROF", "REV"};
  given = Trim(given);
  for (;;) {
    size_t space = given.rfind(' ');
    if (space == std::string_view::npos) break;
    std::string_view last = given.substr(space + 1);
    bool title = false;
    for (auto t : kTitles) title = title || last == t;
    if (!title) break;
    given = Trim(given.substr(0, space));
  }
  return std::string(given);
}

}  // namespace paxscreen::edifact
