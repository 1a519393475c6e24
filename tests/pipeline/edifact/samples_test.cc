// Every sample message in ../shared/data/messages: one record per traveller name segment
// (PAXLST: NAD+FL/FM/DDU/DDT; PNRGOV: group-2 TIF x flight segments), counted here with a
// naive split that shares no code with the decoders; plus hand-checked fields.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "matcher/base/env.h"
#include "pipeline/edifact/decode.h"
#include "pipeline/edifact/paxlst.h"
#include "pipeline/edifact/pnrgov.h"

namespace paxscreen::edifact {
namespace {

namespace fs = std::filesystem;

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<fs::path> Files(const std::string& kind) {
  std::vector<fs::path> out;
  std::string dir = SharedDataDir();
  if (dir.empty() || !fs::is_directory(dir + "/messages/" + kind)) return out;
  for (const auto& e : fs::directory_iterator(dir + "/messages/" + kind)) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// Element separator and terminator from a UNA, else the defaults.
std::pair<char, char> Separators(const std::string& text) {
  size_t una = text.find("UNA");
  if (una != std::string::npos && una < 8 && text.size() > una + 8) {
    char term = text[una + 8];
    if (term == '\n' || static_cast<unsigned char>(term) >= 0x80) term = '\'';
    return {text[una + 4], term};
  }
  return {'+', '\''};
}

size_t ExpectedPaxlst(const std::string& text) {
  auto [sep, term] = Separators(text);
  std::string s(1, sep);
  std::regex re(std::string("NAD *[") + s + "](FL|FM|DDU|DDT)[" + s + "]");
  return std::distance(std::sregex_iterator(text.begin(), text.end(), re), std::sregex_iterator());
}

// Naive split on the terminator (line breaks dropped); per SRC: travellers = TIF before the
// itinerary, segments = TVL with airports before MSG/ABI/SAC/LTS; records = product.
size_t ExpectedPnrgov(const std::string& raw) {
  auto [sep, term] = Separators(raw);
  std::string text;
  for (char c : raw) {
    if (c != '\r' && c != '\n') text.push_back(c);
  }
  size_t total = 0;
  size_t travellers = 0;
  size_t segments = 0;
  bool in_pnr = false;
  bool itinerary = false;
  bool other = false;
  auto flush = [&] {
    if (in_pnr) total += travellers * std::max<size_t>(segments, 1);
  };
  std::stringstream ss(text);
  for (std::string seg; std::getline(ss, seg, term);) {
    size_t b = seg.find_first_not_of(' ');
    if (b == std::string::npos) continue;
    std::string tag = seg.substr(b, 3);
    if (tag == "SRC") {
      flush();
      in_pnr = true;
      travellers = segments = 0;
      itinerary = other = false;
    } else if (tag == "UNT") {
      flush();
      in_pnr = false;
    } else if (!in_pnr) {
      continue;
    } else if (tag == "TIF" && !itinerary && !other) {
      ++travellers;
    } else if (tag == "TVL" && !other) {
      itinerary = true;
      // TVL+dates+DEP+ARR+...: a flight segment when it names an airport.
      std::vector<std::string> el;
      std::stringstream es(seg.substr(b + 3));
      for (std::string e; std::getline(es, e, sep);) el.push_back(e);
      bool dep = el.size() > 2 && !el[2].empty();
      bool arr = el.size() > 3 && !el[3].empty();
      if (dep || arr) ++segments;
    } else if (tag == "MSG" || tag == "ABI" || tag == "SAC" || tag == "LTS") {
      other = true;
    }
  }
  return total;
}

TEST_CASE("every PAXLST sample: one record per traveller NAD", "[data]") {
  auto files = Files("paxlst");
  if (files.empty()) {
    WARN("shared data absent (../shared/data/messages/paxlst): skipping");
    return;
  }
  for (const auto& f : files) {
    INFO(f.filename().string());
    std::string text = Read(f);
    CHECK(DetectFormat(text) == MessageFormat::kPaxlst);
    auto r = DecodePaxlst(text);
    REQUIRE(r.ok());
    CHECK(r->errors.empty());
    CHECK(r->records.size() == ExpectedPaxlst(text));
    CHECK(r->records.size() > 0);
  }
}

TEST_CASE("every PNRGOV sample: one record per traveller per flight segment", "[data]") {
  auto files = Files("pnrgov");
  if (files.empty()) {
    WARN("shared data absent (../shared/data/messages/pnrgov): skipping");
    return;
  }
  for (const auto& f : files) {
    INFO(f.filename().string());
    std::string text = Read(f);
    CHECK(DetectFormat(text) == MessageFormat::kPnrgov);
    auto r = DecodePnrgov(text);
    REQUIRE(r.ok());
    CHECK(r->errors.empty());
    CHECK(r->records.size() == ExpectedPnrgov(text));
    CHECK(r->records.size() > 0);
  }
}

const model::PassengerRecord* Find(const DecodeResult& r, const std::string& surname) {
  for (const auto& rec : r.records) {
    if (rec.passenger.surname == surname) return &rec;
  }
  return nullptr;
}

TEST_CASE("hand-checked travellers from the samples", "[data]") {
  std::string dir = SharedDataDir();
  if (dir.empty()) {
    WARN("shared data absent: skipping");
    return;
  }
  {
    auto r = DecodePaxlst(Read(dir + "/messages/paxlst/gtas-loader_Test3.txt"));
    REQUIRE(r.ok());
    CHECK(r->records.size() == 260);  // CNT says 206: a warning, no traveller dropped
    REQUIRE(r->warnings.size() == 1);
    CHECK(r->warnings[0].find("206") != std::string::npos);
    const auto* kan = Find(*r, "Kan");
    REQUIRE(kan != nullptr);
    CHECK(kan->passenger.given_names == "Sarah Pat");
    CHECK(kan->passenger.date_of_birth == "1977-10-21");
    CHECK(kan->passenger.sex == "F");
    CHECK(kan->passenger.nationality == "CAN");
    REQUIRE(kan->passenger.documents.size() == 1);
    CHECK(kan->passenger.documents[0].number == "12345678");
    CHECK(kan->passenger.documents[0].issuing_state == "CAN");
    CHECK(kan->passenger.documents[0].expiry == "2019-12-20");
    CHECK(kan->flight.carrier == "UA");
    CHECK(kan->flight.number == "0989");
    CHECK(kan->flight.departure.airport == "FRA");
    CHECK(kan->flight.departure.scheduled == "2017-01-27T17:25");
    CHECK(kan->flight.arrival.airport == "IAD");
  }
  {
    auto r = DecodePaxlst(Read(dir + "/messages/paxlst/gtas-loader_airline2.edi"));
    REQUIRE(r.ok());
    const auto* betton = Find(*r, "BETTON");
    REQUIRE(betton != nullptr);
    CHECK(betton->passenger.given_names == "DAVID");
    CHECK(betton->flight.carrier == "TN");
    CHECK(betton->flight.number == "506");
    CHECK(betton->flight.departure.airport == "BRE");
    CHECK(betton->pnr.locator == "QXGYLO");
    CHECK(betton->passenger.documents[0].number == "178556534");
  }
  {
    auto r = DecodePaxlst(Read(dir + "/messages/paxlst/gtas-loader_multiple_flight_leg_apis.txt"));
    REQUIRE(r.ok());
    const auto* barrett = Find(*r, "BARRETT");
    REQUIRE(barrett != nullptr);
    CHECK(barrett->legs.size() == 3);
    CHECK(barrett->flight.departure.airport == "JFK");
    CHECK(barrett->flight.arrival.airport == "CDG");
    CHECK(barrett->passenger.date_of_birth == "1968-02-23");
  }
  {
    auto r = DecodePnrgov(Read(dir + "/messages/pnrgov/gtas-loader_2_pnrs_basic.edi"));
    REQUIRE(r.ok());
    const auto* cooper = Find(*r, "COOPER");
    REQUIRE(cooper != nullptr);
    CHECK(cooper->pnr.locator == "23456");
    CHECK(cooper->passenger.documents.size() == 1);
    const auto* smith = Find(*r, "SMITHJR");
    REQUIRE(smith != nullptr);
    CHECK(smith->pnr.locator == "MFN4TI");
    CHECK(smith->passenger.date_of_birth == "1964-07-12");
    CHECK(smith->passenger.documents[0].expiry == "2019-08-23");  // DOCS wrapped over 2 lines
    CHECK(smith->flight.departure.airport == "LHR");
  }
  {
    auto r = DecodePnrgov(Read(dir + "/messages/pnrgov/gtas-parsers_danglingMetaCharacter.txt"));
    REQUIRE(r.ok());
    REQUIRE(r->records.size() == 3);
    CHECK(r->records[0].passenger.surname == "SERIO");
    CHECK(r->records[0].passenger.nationality == "THA");
    CHECK(r->records[0].passenger.date_of_birth == "1994-10-20");
  }
}

}  // namespace
}  // namespace paxscreen::edifact
