// The transliteration engine behind normalize.h: UTF-8 -> words in three Latin columns (MRZ,
// token text, plain fold) with the separator that followed each word. Internal to the module;
// callers use normalize.h.
//
//   PAX_ASSIGN_OR_RETURN(Transliterated t, TransliterateWords("Jean-Pierre MÜLLER", {}));
//   // t.words: {JEAN, sep kJoin} {PIERRE, kSpace} {MUELLER / MULLER, kNone}
//
// Steps: strict UTF-8 check (utf8.h); NFKC with ICU (compatibility forms such as full-width
// letters and ligatures fold, decomposed "u + U+0308" composes to "ü"); per code point: ASCII
// letters uppercase, table letters (icao_tables.h) with the Greek digraph and Arabic context
// rules, everything else alphabetic goes in runs through ICU "Any-Latin; Latin-ASCII". Cost
// O(n) in the input; ASCII input skips ICU entirely. Thread-safe (ICU objects per thread).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace paxscreen::normalize {

// What separated a word from the next one, weakest first; a run of separators keeps the strongest.
enum class Sep { kNone, kSpace, kJoin, kComma, kMrzDouble };

struct Word {
  std::string mrz;    // Doc 9303 MRZ column (Arabic X codes)
  std::string text;   // token column
  std::string plain;  // plain fold column
  Sep sep_after = Sep::kNone;
};

struct Transliterated {
  std::vector<Word> words;
  std::string script;      // ISO 15924 short name of the most frequent script among letters
  bool truncated = false;  // stopped after max_words
};

struct EngineOptions {
  bool split_arabic_article = true;  // القحطاني -> AL + QHTANI (joined), as AL-QAHTANI
  std::size_t max_words = static_cast<std::size_t>(-1);
};

absl::StatusOr<Transliterated> TransliterateWords(std::string_view utf8,
                                                  const EngineOptions& options);

}  // namespace paxscreen::normalize
