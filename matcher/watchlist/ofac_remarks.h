// Reads the facts OFAC packs into the SDN "remarks" column, a "; "-separated list such as
//   DOB 19 Jun 1951; POB Giza, Egypt; Passport 1084010 (Egypt); alt. Passport 19820215;
//   nationality Egypt; Gender Male; a.k.a. 'ABU MOHAMMED'.
// The quoted a.k.a./f.k.a. names here are OFAC's weak aliases (the strong ones are in
// alt.csv; the two never overlap in the published files).
//
//   RemarkFacts f = ParseOfacRemarks(remarks);
//   f.dates_of_birth, f.documents, f.nationalities, f.weak_aliases, f.sex
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "matcher/model/watchlist_entry.h"

namespace paxscreen::watchlist {

struct RemarkFacts {
  std::vector<model::DateOfBirth> dates_of_birth;
  std::vector<model::EntryDocument> documents;  // passport, national_id
  std::vector<std::string> nationalities;       // alpha-3 where mappable, else as written
  std::vector<std::string> weak_aliases;        // as written, e.g. "CHAPORI, Petit"
  std::string sex;                              // "M", "F" or ""
  std::vector<std::string> unreadable;  // items that looked like a DOB/document but did not parse
};

// Splits at ';' outside quotes and parentheses, then reads the items it knows:
//   [alt. ]DOB <date>           dates as in ParseDobText ("circa 1960", "1960 to 1965")
//   [alt. ]nationality <country>, [alt. ]citizen <country>
//   [alt. ][Diplomatic |Official |Service ]Passport [No. ][Booklet[:] ]<number> [(<country>)]
//       [issued ...] [expires ...]
//   [alt. ]National ID No. <number> [(<country>)], Cedula No. <number>, <X> ID No. <number>
//   Gender Male|Female;  a.k.a. '<name>', f.k.a. '<name>', n.k.a. '<name>'
// Everything else (POB, addresses of websites, tax ids, ...) is ignored. Cost: O(length).
RemarkFacts ParseOfacRemarks(std::string_view remarks);

}  // namespace paxscreen::watchlist
