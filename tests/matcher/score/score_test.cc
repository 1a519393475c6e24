#include "matcher/score/score.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace paxscreen::score {
namespace {

PartialDate Date(const std::string& s) {
  std::string problem;
  auto d = ParseDateOfBirth(s, &problem);
  REQUIRE(d.has_value());
  return *d;
}

TEST_CASE("dates of birth: strict forms, readable malformed ones, unusable ones") {
  std::string problem;
  auto full = ParseDateOfBirth("1975-03-14", &problem);
  REQUIRE(full.has_value());
  CHECK(full->year == 1975);
  CHECK(full->month == 3);
  CHECK(full->day == 14);
  CHECK(problem.empty());
  CHECK(Date("1975-03").day == 0);
  CHECK(Date("1975").month == 0);

  problem.clear();
  auto loose = ParseDateOfBirth("1969-7-16", &problem);  // screened, with the problem named
  REQUIRE(loose.has_value());
  CHECK(loose->month == 7);
  CHECK(problem.find("date_of_birth") != std::string::npos);
  problem.clear();
  CHECK(ParseDateOfBirth("19690716", &problem)->day == 16);
  CHECK_FALSE(problem.empty());

  for (const char* bad : {"16/07/1969", "1969-13-01", "year 1969", "", "1800-01-01"}) {
    problem.clear();
    CHECK_FALSE(ParseDateOfBirth(bad, &problem).has_value());
    CHECK_FALSE(problem.empty());
  }
}

TEST_CASE("date-of-birth relations against a list's dates") {
  const std::vector<model::DateOfBirth> exact = {{1975, 3, 14, 0, false}};
  CHECK(CompareDob(Date("1975-03-14"), exact) == DobRelation::kExact);
  CHECK(CompareDob(Date("1975-03"), exact) == DobRelation::kSameYearMonth);
  CHECK(CompareDob(Date("1975"), exact) == DobRelation::kSameYear);
  CHECK(CompareDob(Date("1976-03-14"), exact) == DobRelation::kOneYearOff);
  CHECK(CompareDob(Date("1990-03-14"), exact) == DobRelation::kConflict);
  const std::vector<model::DateOfBirth> swappable = {{1975, 3, 11, 0, false}};
  CHECK(CompareDob(Date("1975-11-03"), swappable) == DobRelation::kDayMonthSwapped);
  const std::vector<model::DateOfBirth> range = {{1960, 0, 0, 1965, false}};
  CHECK(CompareDob(Date("1962-05-01"), range) == DobRelation::kWithinRange);
  CHECK(CompareDob(Date("1966-05-01"), range) == DobRelation::kOneYearOff);
  CHECK(CompareDob(Date("1970-05-01"), range) == DobRelation::kConflict);
  const std::vector<model::DateOfBirth> approx = {{1970, 0, 0, 0, true}};
  CHECK(CompareDob(Date("1972-01-01"), approx) == DobRelation::kOneYearOff);  // wider window
  // The best relation over several listed dates wins; no listed date says nothing.
  const std::vector<model::DateOfBirth> two = {{1950, 1, 1, 0, false}, {1975, 3, 14, 0, false}};
  CHECK(CompareDob(Date("1975-03-14"), two) == DobRelation::kExact);
  CHECK(CompareDob(Date("1975-03-14"), {}) == DobRelation::kUnknown);
}

TEST_CASE("score: name plus features, documents, bands and per-list thresholds") {
  ScoreOptions o;
  model::WatchlistEntry e;
  e.entry_id = "E";
  e.list = "UN-SC";
  e.sex = "M";
  e.nationalities = {"SAU"};
  e.dates_of_birth = {{1975, 3, 14, 0, false}};
  compare::NameComparison name;
  name.score = 0.85;

  PassengerFacts agree{Date("1975-03-14"), "M", "SAU"};
  MatchScore a = ScoreMatch(agree, e, &name, {}, o);
  CHECK(a.score == Approx(0.85 + o.dob_exact + o.nationality_match));
  CHECK(a.band == "high");
  CHECK(a.features.size() == 3);

  PassengerFacts conflict{Date("1990-01-01"), "F", "GBR"};
  MatchScore c = ScoreMatch(conflict, e, &name, {}, o);
  CHECK(c.score ==
        Approx(0.85 + o.dob_conflict + o.sex_conflict + o.nationality_conflict));
  CHECK(c.score < o.ThresholdFor("UN-SC"));

  // A document alone: an exact number reaches the high band; one substitution adds only.
  PassengerFacts none;
  MatchScore doc = ScoreMatch(none, e, nullptr, {{true, true, "passport"}}, o);
  CHECK(doc.score == Approx(o.document_exact_score));
  CHECK(doc.band == "high");
  MatchScore near = ScoreMatch(none, e, nullptr, {{false, true, "passport"}}, o);
  CHECK(near.score == Approx(o.document_substitution));

  o.list_threshold["OFAC-SDN"] = 0.9;
  CHECK(o.ThresholdFor("OFAC-SDN") == 0.9);
  CHECK(o.ThresholdFor("UN-SC") == o.default_threshold);
  CHECK(o.BandFor(o.medium_band) == "medium");
  CHECK(o.BandFor(o.medium_band - 0.01) == "low");
}

TEST_CASE("common-name penalty: common paired tokens and no usable date of birth") {
  ScoreOptions o;
  o.common_name_penalty = -0.05;
  o.common_token_entries = 20;
  model::WatchlistEntry e;
  e.entry_id = "E";
  e.list = "UN-SC";
  compare::NameComparison name;
  name.score = 0.9;
  PassengerFacts none;

  // Every paired token common, no date on either side: the penalty applies and is reported.
  MatchScore common = ScoreMatch(none, e, &name, {}, o, 57);
  CHECK(common.score == Approx(0.9 + o.common_name_penalty));
  REQUIRE(common.features.size() == 2);
  CHECK(common.features[1].feature == "name_specificity");
  CHECK(common.features[1].contribution == Approx(o.common_name_penalty));
  CHECK(common.features[1].detail == "common_tokens:57_entries");
  CHECK(ScoreMatch(none, e, &name, {}, o, 20).score == Approx(0.9 + o.common_name_penalty));

  // A rare token, an unknown count, or the option off: no penalty.
  CHECK(ScoreMatch(none, e, &name, {}, o, 19).score == Approx(0.9));
  CHECK(ScoreMatch(none, e, &name, {}, o).score == Approx(0.9));
  ScoreOptions off = o;
  off.common_name_penalty = 0;
  CHECK(ScoreMatch(none, e, &name, {}, off, 57).features.size() == 1);

  // A passenger date with no list date is still unknown: penalized.
  PassengerFacts dated{Date("1975-03-14"), "", ""};
  CHECK(ScoreMatch(dated, e, &name, {}, o, 57).score == Approx(0.9 + o.common_name_penalty));
  // Once the date relates (agrees or conflicts) the date decides, not the penalty.
  e.dates_of_birth = {{1975, 3, 14, 0, false}};
  MatchScore agree = ScoreMatch(dated, e, &name, {}, o, 57);
  CHECK(agree.score == Approx(std::min(1.0, 0.9 + o.dob_exact)));
  for (const auto& f : agree.features) CHECK(f.feature != "name_specificity");
  PassengerFacts other{Date("1990-01-01"), "", ""};
  CHECK(ScoreMatch(other, e, &name, {}, o, 57).score == Approx(0.9 + o.dob_conflict));

  // A document-only hit has no name to judge.
  CHECK(ScoreMatch(none, e, nullptr, {{true, true, "passport"}}, o, 57).score ==
        Approx(o.document_exact_score));
}

TEST_CASE("particles and initials do not count for a name's specificity") {
  CHECK(PairCountsForSpecificity({"GONZALEZ", "GONZALEZ", 1.0, "exact"}));
  CHECK(PairCountsForSpecificity({"MOHAMED", "MUHAMMAD", 0.9, "phonetic:arabic"}));
  CHECK_FALSE(PairCountsForSpecificity({"AL", "EL", 0.9, "particle"}));
  CHECK_FALSE(PairCountsForSpecificity({"J", "JUAN", 0.85, "initial"}));
}

}  // namespace
}  // namespace paxscreen::score
