#include "matcher/score/score.h"

#include <algorithm>
#include <cstdlib>

#include "absl/strings/str_cat.h"

namespace paxscreen::score {
namespace {

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int ToInt(std::string_view s) { return std::atoi(std::string(s).c_str()); }

bool Plausible(const PartialDate& d) {
  return d.year >= 1850 && d.year <= 2100 && d.month >= 0 && d.month <= 12 && d.day >= 0 &&
         d.day <= 31 && !(d.month == 0 && d.day != 0);
}

// Rank of a relation: higher is stronger agreement.
int Rank(DobRelation r) {
  switch (r) {
    case DobRelation::kExact: return 7;
    case DobRelation::kDayMonthSwapped: return 6;
    case DobRelation::kSameYearMonth: return 5;
    case DobRelation::kSameYear: return 4;
    case DobRelation::kWithinRange: return 3;
    case DobRelation::kOneYearOff: return 2;
    case DobRelation::kConflict: return 1;
    case DobRelation::kUnknown: return 0;
  }
  return 0;
}

DobRelation Relate(const PartialDate& p, const model::DateOfBirth& e) {
  if (e.year == 0 || p.year == 0) return DobRelation::kUnknown;
  const int slack = e.approximate ? 2 : 1;
  if (e.year_to > e.year) {
    if (p.year >= e.year && p.year <= e.year_to) return DobRelation::kWithinRange;
    if (p.year >= e.year - slack && p.year <= e.year_to + slack) return DobRelation::kOneYearOff;
    return DobRelation::kConflict;
  }
  if (p.year != e.year) {
    if (std::abs(p.year - e.year) <= slack) return DobRelation::kOneYearOff;
    return DobRelation::kConflict;
  }
  if (p.month == 0 || e.month == 0) return DobRelation::kSameYear;
  if (p.month == e.month && (p.day == 0 || e.day == 0)) return DobRelation::kSameYearMonth;
  if (p.month == e.month && p.day == e.day) return DobRelation::kExact;
  if (p.day != 0 && e.day != 0 && p.month == e.day && p.day == e.month) {
    return DobRelation::kDayMonthSwapped;
  }
  // Same year, another day: could be a typing error, but it is not agreement.
  return DobRelation::kSameYear;
}

}  // namespace

std::optional<PartialDate> ParseDateOfBirth(std::string_view text, std::string* problem) {
  PartialDate d;
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '-') {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  bool strict = false;
  if (parts.size() == 1 && AllDigits(parts[0]) && parts[0].size() == 8) {
    d = {ToInt(parts[0].substr(0, 4)), ToInt(parts[0].substr(4, 2)), ToInt(parts[0].substr(6, 2))};
  } else if (parts.size() >= 1 && parts.size() <= 3 &&
             std::all_of(parts.begin(), parts.end(), AllDigits) && parts[0].size() == 4) {
    d.year = ToInt(parts[0]);
    strict = true;
    if (parts.size() >= 2) {
      d.month = ToInt(parts[1]);
      strict = parts[1].size() == 2;
    }
    if (parts.size() == 3) {
      d.day = ToInt(parts[2]);
      strict = strict && parts[2].size() == 2;
    }
  } else {
    if (problem != nullptr) *problem = "date_of_birth is not YYYY-MM-DD, YYYY-MM or YYYY; ignored";
    return std::nullopt;
  }
  if (!Plausible(d)) {
    if (problem != nullptr) *problem = "date_of_birth is out of range; ignored";
    return std::nullopt;
  }
  if (!strict && problem != nullptr) {
    *problem = absl::StrCat("date_of_birth is not in YYYY-MM-DD form; read as year ", d.year,
                            d.month ? absl::StrCat(", month ", d.month) : "",
                            d.day ? absl::StrCat(", day ", d.day) : "");
  }
  return d;
}

std::string_view DobRelationName(DobRelation r) {
  switch (r) {
    case DobRelation::kUnknown: return "unknown";
    case DobRelation::kExact: return "exact";
    case DobRelation::kDayMonthSwapped: return "day_month_swapped";
    case DobRelation::kSameYearMonth: return "same_year_month";
    case DobRelation::kSameYear: return "same_year";
    case DobRelation::kWithinRange: return "within_range";
    case DobRelation::kOneYearOff: return "one_year_off";
    case DobRelation::kConflict: return "conflict";
  }
  return "unknown";
}

DobRelation CompareDob(const PartialDate& passenger, const std::vector<model::DateOfBirth>& dobs) {
  DobRelation best = DobRelation::kUnknown;
  for (const auto& e : dobs) {
    DobRelation r = Relate(passenger, e);
    if (Rank(r) > Rank(best)) best = r;
  }
  return best;
}

double ScoreOptions::ThresholdFor(std::string_view list) const {
  auto it = list_threshold.find(std::string(list));
  return it == list_threshold.end() ? default_threshold : it->second;
}

std::string_view ScoreOptions::BandFor(double score) const {
  if (score >= high_band) return "high";
  if (score >= medium_band) return "medium";
  return "low";
}

PassengerFacts PrepareFacts(const model::PassengerRecord& record,
                            std::vector<std::string>* problems) {
  PassengerFacts f;
  const model::Passenger& p = record.passenger;
  if (!p.date_of_birth.empty()) {
    std::string problem;
    f.dob = ParseDateOfBirth(p.date_of_birth, &problem);
    if (!problem.empty() && problems != nullptr) problems->push_back(problem);
  }
  if (p.sex == "M" || p.sex == "F") f.sex = p.sex;
  if (p.nationality.size() == 3 &&
      std::all_of(p.nationality.begin(), p.nationality.end(),
                  [](char c) { return c >= 'A' && c <= 'Z'; })) {
    f.nationality = p.nationality;
  } else if (!p.nationality.empty() && problems != nullptr) {
    problems->push_back("nationality is not an ISO 3166-1 alpha-3 code; ignored");
  }
  return f;
}

bool PairCountsForSpecificity(const compare::TokenMatch& pair) {
  return pair.method != "particle" && pair.method != "initial";
}

MatchScore ScoreMatch(const PassengerFacts& passenger, const model::WatchlistEntry& entry,
                      const compare::NameComparison* best_name,
                      const std::vector<DocumentHit>& documents, const ScoreOptions& o,
                      int name_token_entries) {
  MatchScore s;
  double score = 0;
  if (best_name != nullptr) {
    s.name_score = best_name->score;
    score = best_name->score;
    std::string methods;
    for (const auto& pair : best_name->pairs) {
      if (pair.method != "exact") absl::StrAppend(&methods, methods.empty() ? "" : ",", pair.method);
    }
    s.features.push_back({"name", best_name->score, methods.empty() ? "exact" : methods});
  }
  DobRelation r = DobRelation::kUnknown;
  if (passenger.dob) r = CompareDob(*passenger.dob, entry.dates_of_birth);
  if (best_name != nullptr && o.common_name_penalty != 0 && r == DobRelation::kUnknown &&
      name_token_entries >= o.common_token_entries) {
    // Reported with the entry count only: the tokens themselves are in the name evidence.
    score += o.common_name_penalty;
    s.features.push_back({"name_specificity", o.common_name_penalty,
                          absl::StrCat("common_tokens:", name_token_entries, "_entries")});
  }
  if (passenger.dob) {
    double c = 0;
    switch (r) {
      case DobRelation::kExact: c = o.dob_exact; break;
      case DobRelation::kDayMonthSwapped: c = o.dob_swapped; break;
      case DobRelation::kSameYearMonth: c = o.dob_same_year_month; break;
      case DobRelation::kSameYear: c = o.dob_same_year; break;
      case DobRelation::kWithinRange: c = o.dob_within_range; break;
      case DobRelation::kOneYearOff: c = o.dob_one_year_off; break;
      case DobRelation::kConflict: c = o.dob_conflict; break;
      case DobRelation::kUnknown: break;
    }
    if (r != DobRelation::kUnknown) {
      score += c;
      s.features.push_back({"date_of_birth", c, std::string(DobRelationName(r))});
    }
  }
  if (!passenger.sex.empty() && (entry.sex == "M" || entry.sex == "F") &&
      entry.sex != passenger.sex) {
    score += o.sex_conflict;
    s.features.push_back({"sex", o.sex_conflict, "conflict"});
  }
  if (!passenger.nationality.empty() && !entry.nationalities.empty()) {
    bool agrees = std::find(entry.nationalities.begin(), entry.nationalities.end(),
                            passenger.nationality) != entry.nationalities.end();
    double c = agrees ? o.nationality_match : o.nationality_conflict;
    score += c;
    s.features.push_back({"nationality", c, agrees ? "match" : "conflict"});
  }
  for (const DocumentHit& d : documents) {
    std::string detail = absl::StrCat(d.exact ? "exact" : "one_substitution",
                                      d.issuing_state_agrees ? ",issuing_state_agrees" : "",
                                      d.entry_document_type.empty() ? "" : ",",
                                      d.entry_document_type);
    if (d.exact) {
      double before = score;
      score = std::max(score, o.document_exact_score);
      s.features.push_back({"document", score - before, detail});
    } else {
      score += o.document_substitution;
      s.features.push_back({"document", o.document_substitution, detail});
    }
  }
  s.score = std::clamp(score, 0.0, 1.0);
  s.band = std::string(o.BandFor(s.score));
  return s;
}

}  // namespace paxscreen::score
