// Importer for the UN Security Council Consolidated List XML
// (https://scsanctions.un.org/resources/xml/en/consolidated.xml): INDIVIDUAL and ENTITY
// records become model::WatchlistEntry values with list "UN-SC".
//
//   ImportResult r = ImportUnXmlFile("../shared/data/watchlists/un_consolidated.xml");
//   for (const auto& e : r.entries) ...;   for (const auto& i : r.issues) LOG(i.ToString());
//
// Mapping (see README.md for the reasons):
// - entry_id "UN-SC:<REFERENCE_NUMBER>" (DATAID when the reference is missing).
// - primary name: FIRST_NAME..FOURTH_NAME joined as written. The UN writes the given names
//   first and the family name (or nisba/tribal name) last, so surname = last part and
//   given_names = the others — except on the DPRK list, which writes the family name first.
//   Entities: the whole name, no split.
// - NAME_ORIGINAL_SCRIPT: another primary name, its script detected from the code points.
// - aliases: QUALITY "Good", "a.k.a.", "f.k.a." (or none) -> alias; "Low" -> weak_alias.
//   "SURNAME, Given" aliases are split at the comma. One ALIAS_NAME may hold several names:
//   split at ';' and "b)"; a parenthesised part in another script ("Haji Gulab Gul (حاجی گلاب
//   گل)", "(original script: ...)") or the parenthesised Latin forms of an original-script
//   alias are names of their own; a Latin note in parentheses ("(COMBAT NAME)") is left out; a
//   trailing birth note (", born 1 Jan. 1953", "born in 1963") is cut off and its date added.
// - dates of birth: DATE (exact), YEAR, FROM_YEAR/TO_YEAR, month-year NOTEs ("Nov. 1973");
//   TYPE_OF_DATE APPROXIMATELY or an "approximately" note sets `approximate`. Alias DOBs
//   are added to the entry.
// - nationality, document ISSUING_COUNTRY (or COUNTRY_OF_ISSUE), address COUNTRY: alpha-3
//   via CountryToAlpha3, else kept as written. GENDER Male/Female -> M/F.
// Cost: one pugixml DOM parse (about 2x the file size in memory) and one pass.
#pragma once

#include <string>
#include <string_view>

#include "matcher/watchlist/watchlist.h"

namespace paxscreen::watchlist {

inline constexpr std::string_view kUnListName = "UN-SC";

// Parses the XML text. `source` names the input in issues. Never throws; a document that is
// not the consolidated list gives a non-OK status.
ImportResult ImportUnXml(std::string_view xml, std::string_view source = "un.xml");

// Reads and parses a file.
ImportResult ImportUnXmlFile(const std::string& path);

// Maps TYPE_OF_DOCUMENT wording to "passport", "national_id" or "other".
std::string UnDocumentType(std::string_view type_of_document);

}  // namespace paxscreen::watchlist
