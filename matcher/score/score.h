// Scoring a passenger against one watchlist entry: the best name comparison combined with date
// of birth, sex, nationality and travel documents into one score in [0,1], a band, and the
// evidence a reviewer reads (each feature's contribution and what fired).
//
//   MatchScore s = ScoreMatch(facts, entry, best_name, doc_hits, options);
//   if (s.score >= options.ThresholdFor(entry.list)) Emit(s);
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "matcher/compare/compare.h"
#include "matcher/model/passenger_record.h"
#include "matcher/model/watchlist_entry.h"

namespace paxscreen::score {

// A passenger date of birth as given: YYYY-MM-DD, YYYY-MM or YYYY (0 = unknown part).
struct PartialDate {
  int year = 0;
  int month = 0;
  int day = 0;
};

// Reads YYYY-MM-DD / YYYY-MM / YYYY strictly; also Y-M-D with one-digit month or day and
// YYYYMMDD, returning the problem in `*problem` (the record is still screened on the date).
// An unusable date gives nullopt and a problem.
std::optional<PartialDate> ParseDateOfBirth(std::string_view text, std::string* problem);

// How a passenger's date of birth relates to an entry's dates of birth.
enum class DobRelation { kUnknown, kExact, kDayMonthSwapped, kSameYearMonth, kSameYear,
                         kWithinRange, kOneYearOff, kConflict };
std::string_view DobRelationName(DobRelation r);
DobRelation CompareDob(const PartialDate& passenger, const std::vector<model::DateOfBirth>& dobs);

struct ScoreOptions {
  double default_threshold = 0.80;              // emit when score >= threshold
  std::map<std::string, double> list_threshold;  // per list ("UN-SC" -> 0.78), else default
  double high_band = 0.92;                       // score >= high -> "high"
  double medium_band = 0.86;                     // score >= medium -> "medium", else "low"

  // Adjustments added to the name score (negative for conflicts).
  double dob_exact = 0.08;
  double dob_swapped = 0.05;
  double dob_same_year_month = 0.05;
  double dob_same_year = 0.03;
  double dob_within_range = 0.03;
  double dob_one_year_off = 0.0;
  double dob_conflict = -0.25;
  double sex_conflict = -0.05;
  double nationality_match = 0.02;
  double nationality_conflict = -0.01;
  double document_substitution = 0.10;  // one character off (OCR or typing)
  double document_exact_score = 0.97;   // an exact number match alone reaches this
  // Namesakes: when every list token the name comparison paired occurs in at least
  // `common_token_entries` list entries (GONZALEZ, JUAN, MOHAMMED ...) and the date of birth
  // cannot tell (no passenger or list date), the name alone says little about identity, so
  // `common_name_penalty` is added. 0 disables it; the values are the harness sweep's best
  // (matcher/score/README.md).
  double common_name_penalty = -0.06;
  int common_token_entries = 20;

  double ThresholdFor(std::string_view list) const;
  std::string_view BandFor(double score) const;
};

// One feature's part in the score.
struct FeatureEvidence {
  // "name", "name_specificity", "date_of_birth", "sex", "nationality", "document"
  std::string feature;
  double contribution = 0;
  std::string detail;   // "exact", "conflict", "phonetic:dmetaphone" ... (no personal data)
};

// A document of the passenger that matched one of the entry's documents.
struct DocumentHit {
  bool exact = false;           // false: one substituted character
  bool issuing_state_agrees = false;
  std::string entry_document_type;
};

// Passenger facts prepared once per record for scoring against many entries.
struct PassengerFacts {
  std::optional<PartialDate> dob;
  std::string sex;
  std::string nationality;
};
PassengerFacts PrepareFacts(const model::PassengerRecord& record,
                            std::vector<std::string>* problems);

struct MatchScore {
  double score = 0;
  double name_score = 0;
  std::string band;  // "high", "medium", "low"
  std::vector<FeatureEvidence> features;
};

// Combines the best name comparison (or none, for a document-only hit) with the other
// features. `name_token_entries`: in how many list entries the rarest list token paired by
// `best_name` occurs (particles and initials aside), or -1 when not known; it drives
// `common_name_penalty`. Pure; thread-safe.
MatchScore ScoreMatch(const PassengerFacts& passenger, const model::WatchlistEntry& entry,
                      const compare::NameComparison* best_name,
                      const std::vector<DocumentHit>& documents, const ScoreOptions& options,
                      int name_token_entries = -1);

// Whether a pair of the name comparison counts for the name's specificity: particles (AL, BIN)
// and initials are common everywhere and say nothing about which person is meant.
bool PairCountsForSpecificity(const compare::TokenMatch& pair);

}  // namespace paxscreen::score
