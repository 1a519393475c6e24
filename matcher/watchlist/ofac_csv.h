// Importer for the OFAC Specially Designated Nationals list in its legacy CSV form
// (https://www.treasury.gov/ofac/downloads/sdn.csv with alt.csv and add.csv beside it).
//
//   ImportResult r = ImportOfacFiles("ofac/sdn.csv");     // finds alt.csv, add.csv beside it
//   ImportResult s = ImportOfacCsv(sdn_text, alt_text, add_text);
//
// Columns (no header row; "-0-" = empty):
//   sdn.csv  ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT,
//            Vess_flag, Vess_owner, Remarks
//   alt.csv  ent_num, alt_num, alt_type (aka|fka|nka), alt_name, alt_remarks
//   add.csv  ent_num, add_num, address, city/state/postal, country, add_remarks
// Mapping (see README.md):
// - entry_id "OFAC-SDN:<ent_num>", list "OFAC-SDN"; SDN_Type individual/vessel/aircraft,
//   empty -> "entity".
// - SDN_Name is the primary name, "SURNAME, Given" split at the comma for individuals.
// - alt.csv aka/fka/nka -> alias (OFAC's strong a.k.a.); the quoted a.k.a. names in the
//   remarks -> weak_alias. Dates of birth, passports/national ids, nationality/citizenship and
//   gender come from the remarks (ParseOfacRemarks).
// - add.csv countries -> address_countries (a weak hint, never a nationality).
// Text that is not valid UTF-8 is read as Latin-1. Cost: one pass over each file.
#pragma once

#include <string>
#include <string_view>

#include "matcher/watchlist/watchlist.h"

namespace paxscreen::watchlist {

inline constexpr std::string_view kOfacListName = "OFAC-SDN";

// `alt` and `add` may be empty. `source` names the sdn file in issues ("sdn.csv").
ImportResult ImportOfacCsv(std::string_view sdn, std::string_view alt, std::string_view add,
                           std::string_view source = "sdn.csv");

// Reads `sdn_path` and, when present in the same folder, alt.csv and add.csv (also
// ALT.CSV / ADD.CSV). A missing alt/add file is not an error.
ImportResult ImportOfacFiles(const std::string& sdn_path);

}  // namespace paxscreen::watchlist
