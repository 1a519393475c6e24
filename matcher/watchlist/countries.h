// Country names as watchlists write them ("Iran (Islamic Republic of)", "Korea, North",
// "Türkiye") mapped to ISO 3166-1 alpha-3 codes, the form passenger data (API/PNR, MRZ) uses.
//
//   CountryToAlpha3("Democratic People's Republic of Korea") == "PRK"
//   CountryToAlpha3("former Soviet Union").empty()  // unmapped: callers keep the text as given
#pragma once

#include <string>
#include <string_view>

namespace paxscreen::watchlist {

// The alpha-3 code for a country name, or an empty view when the name is unknown. Matching
// ignores ASCII case, punctuation and repeated spaces. A string that is already a known
// alpha-3 code maps to itself. Kosovo maps to "RKS" (the code its passports carry; ISO has
// none). Cost: one hash lookup after an O(n) normalization. Thread-safe.
std::string_view CountryToAlpha3(std::string_view name);

// True when `code` is one of the alpha-3 codes this table produces.
bool IsKnownAlpha3(std::string_view code);

// The lookup key: ASCII letters lower-cased, other ASCII characters turned into single
// spaces, non-ASCII bytes kept, leading/trailing spaces trimmed.
std::string CountryKey(std::string_view name);

}  // namespace paxscreen::watchlist
