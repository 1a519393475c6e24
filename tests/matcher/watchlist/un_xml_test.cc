// UN consolidated list importer: synthetic records for each mapping rule, malformed input,
// and counts on the real list checked against an independent pugixml walk.
#include "matcher/watchlist/un_xml.h"

#include <catch2/catch.hpp>
#include <pugixml.hpp>
#include <string>

#include "matcher/base/env.h"
#include "matcher/compare/compare.h"
#include "matcher/normalize/normalize.h"
#include "matcher/watchlist/countries.h"
#include "matcher/watchlist/loader.h"

namespace paxscreen::watchlist {
namespace {

std::string Wrap(const std::string& individuals, const std::string& entities = "") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><CONSOLIDATED_LIST><INDIVIDUALS>" +
         individuals + "</INDIVIDUALS><ENTITIES>" + entities + "</ENTITIES></CONSOLIDATED_LIST>";
}

std::string AliasXml(const std::string& quality, const std::string& text) {
  return "<INDIVIDUAL_ALIAS><QUALITY>" + quality + "</QUALITY><ALIAS_NAME>" + text +
         "</ALIAS_NAME></INDIVIDUAL_ALIAS>";
}

const model::WatchlistEntry* FindEntry(const ImportResult& r, const std::string& id) {
  for (const auto& e : r.entries) {
    if (e.entry_id == id) return &e;
  }
  return nullptr;
}

TEST_CASE("UN individual: names, aliases, DOBs, documents, nationality") {
  const std::string xml = Wrap(R"(
    <INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>AIMAN</FIRST_NAME><SECOND_NAME>MUHAMMED</SECOND_NAME>
      <THIRD_NAME>RABI</THIRD_NAME><FOURTH_NAME>AL-ZAWAHIRI</FOURTH_NAME><UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE>
      <REFERENCE_NUMBER>QDi.006</REFERENCE_NUMBER><GENDER>Male</GENDER>
      <NAME_ORIGINAL_SCRIPT>أيمن محمد ربيع الظواهري</NAME_ORIGINAL_SCRIPT>
      <NATIONALITY><VALUE>Egypt</VALUE><VALUE>former Soviet Union</VALUE></NATIONALITY>
      <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Ayman Al-Zawahari</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Abu Fatma</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>ALI, Yasin Baynah</ALIAS_NAME>
         <DATE_OF_BIRTH>1958-02-22</DATE_OF_BIRTH></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1951-06-19</DATE></INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>APPROXIMATELY</TYPE_OF_DATE><YEAR>1950</YEAR></INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1955</FROM_YEAR><TO_YEAR>1958</TO_YEAR><NOTE>Approximately</NOTE></INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><NOTE>Nov. 1973 </NOTE></INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE/></INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NUMBER>1084010</NUMBER><ISSUING_COUNTRY>Egypt</ISSUING_COUNTRY></INDIVIDUAL_DOCUMENT>
      <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>National Identification
           Number</TYPE_OF_DOCUMENT><NUMBER>M48</NUMBER><COUNTRY_OF_ISSUE>Iran (Islamic Republic of)</COUNTRY_OF_ISSUE></INDIVIDUAL_DOCUMENT>
      <INDIVIDUAL_DOCUMENT/>
      <INDIVIDUAL_ADDRESS><COUNTRY>Pakistan</COUNTRY></INDIVIDUAL_ADDRESS>
    </INDIVIDUAL>)");
  ImportResult r = ImportUnXml(xml);
  REQUIRE(r.status.ok());
  REQUIRE(r.entries.size() == 1);
  const auto& e = r.entries[0];
  CHECK(e.entry_id == "UN-SC:QDi.006");
  CHECK(e.list == "UN-SC");
  CHECK(e.category == "individual");
  CHECK(e.sex == "M");
  REQUIRE(e.names.size() == 5);
  CHECK(e.names[0].full == "AIMAN MUHAMMED RABI AL-ZAWAHIRI");
  CHECK(e.names[0].surname == "AL-ZAWAHIRI");
  CHECK(e.names[0].given_names == "AIMAN MUHAMMED RABI");
  CHECK(e.names[0].script == "Latn");
  CHECK(e.names[1].script == "Arab");
  CHECK(e.names[1].kind == model::NameKind::kPrimary);
  CHECK(e.names[2].kind == model::NameKind::kAlias);
  CHECK(e.names[3].kind == model::NameKind::kWeakAlias);
  CHECK(e.names[4].surname == "ALI");
  CHECK(e.names[4].given_names == "Yasin Baynah");
  REQUIRE(e.dates_of_birth.size() == 5);
  CHECK(e.dates_of_birth[0].year == 1958);  // the alias DOB comes first
  CHECK(e.dates_of_birth[1].day == 19);
  CHECK(e.dates_of_birth[2].approximate);
  CHECK(e.dates_of_birth[2].month == 0);
  CHECK(e.dates_of_birth[3].year_to == 1958);
  CHECK(e.dates_of_birth[3].approximate);
  CHECK(e.dates_of_birth[4].month == 11);
  REQUIRE(e.documents.size() == 2);
  CHECK(e.documents[0].type == "passport");
  CHECK(e.documents[0].issuing_state == "EGY");
  CHECK(e.documents[1].type == "national_id");
  CHECK(e.documents[1].issuing_state == "IRN");
  REQUIRE(e.nationalities.size() == 2);
  CHECK(e.nationalities[0] == "EGY");
  CHECK(e.nationalities[1] == "former Soviet Union");
  CHECK(e.address_countries == std::vector<std::string>{"PAK"});
  CHECK(r.issues.empty());
}

TEST_CASE("UN DPRK names put the family name first; entities are not split") {
  const std::string xml = Wrap(
      "<INDIVIDUAL><DATAID>2</DATAID><FIRST_NAME>RI</FIRST_NAME><SECOND_NAME>WON HO</SECOND_NAME>"
      "<UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPi.033</REFERENCE_NUMBER></INDIVIDUAL>",
      "<ENTITY><DATAID>3</DATAID><FIRST_NAME>BUTEMBO AIRLINES (BAL)</FIRST_NAME>"
      "<REFERENCE_NUMBER>CDe.002</REFERENCE_NUMBER><ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY>"
      "<ALIAS_NAME>BAL</ALIAS_NAME></ENTITY_ALIAS>"
      "<ENTITY_ADDRESS><COUNTRY>Democratic Republic of the Congo</COUNTRY></ENTITY_ADDRESS></ENTITY>");
  ImportResult r = ImportUnXml(xml);
  REQUIRE(r.entries.size() == 2);
  CHECK(r.entries[0].names[0].surname == "RI");
  CHECK(r.entries[0].names[0].given_names == "WON HO");
  CHECK(r.entries[1].category == "entity");
  CHECK(r.entries[1].names[0].full == "BUTEMBO AIRLINES (BAL)");
  CHECK(r.entries[1].names[0].surname.empty());
  CHECK(r.entries[1].names.size() == 2);
  CHECK(r.entries[1].address_countries == std::vector<std::string>{"COD"});
}

TEST_CASE("UN name parts of particles alone before the family name belong to it") {
  auto individual = [](int id, const std::string& parts) {
    return "<INDIVIDUAL><DATAID>" + std::to_string(id) + "</DATAID>" + parts +
           "<REFERENCE_NUMBER>QDi." + std::to_string(id) + "</REFERENCE_NUMBER></INDIVIDUAL>";
  };
  const std::string xml = Wrap(
      individual(1, "<FIRST_NAME>ABU</FIRST_NAME><SECOND_NAME>RUSDAN</SECOND_NAME>") +
      individual(2, "<FIRST_NAME>MAHFOUZ</FIRST_NAME><SECOND_NAME>OULD</SECOND_NAME>"
                    "<THIRD_NAME>AL-WALID</THIRD_NAME>") +
      individual(3, "<FIRST_NAME>Abd</FIRST_NAME><SECOND_NAME>Al-Rahman</SECOND_NAME>"
                    "<THIRD_NAME>SALIM</THIRD_NAME>") +
      individual(4, "<FIRST_NAME>HABIB</FIRST_NAME><SECOND_NAME>BEN</SECOND_NAME>"
                    "<THIRD_NAME>AHMED</THIRD_NAME><FOURTH_NAME>AL-LOUBIRI</FOURTH_NAME>"));
  ImportResult r = ImportUnXml(xml);
  REQUIRE(r.entries.size() == 4);
  // A lone particle part is not a given name: ABU RUSDAN is one family name.
  CHECK(r.entries[0].names[0].surname == "ABU RUSDAN");
  CHECK(r.entries[0].names[0].given_names.empty());
  CHECK(r.entries[1].names[0].surname == "OULD AL-WALID");
  CHECK(r.entries[1].names[0].given_names == "MAHFOUZ");
  // Particles before a given name stay with it; a particle part further back stays given.
  CHECK(r.entries[2].names[0].surname == "SALIM");
  CHECK(r.entries[2].names[0].given_names == "Abd Al-Rahman");
  CHECK(r.entries[3].names[0].surname == "AL-LOUBIRI");
  CHECK(r.entries[3].names[0].given_names == "HABIB BEN AHMED");
}

TEST_CASE("UN alias fields holding several names, other scripts, notes and birth dates") {
  const auto& alias = AliasXml;
  const std::string xml = Wrap(
      "<INDIVIDUAL><DATAID>9</DATAID><FIRST_NAME>M. JAVAD</FIRST_NAME>"
      "<SECOND_NAME>KARIMI SABET</SECOND_NAME><REFERENCE_NUMBER>IRi.034</REFERENCE_NUMBER>" +
      alias("Good", "Mohammed Sabet; Mohammad Sabet b) M. Jawad Karimi Sabet") +
      alias("Low", "حسن غول (Hassan Ghul; Hasan Gul)") +
      alias("Good", "Amir Khazmat (original script: Амир Хазмат)") +
      alias("Good", "EL PARA (COMBAT NAME)") + alias("Good", "(Sheikh) Musa Hilal") +
      alias("Good", "Safia Al-Hadad, born 1 Jan. 1953 (Oman passport no.03825239)") +
      alias("Good", "Mohammad Ishaq Akhund born in 1963") +
      alias("Good", "Akhter Mohmad son of Noor Mohmad (اختر محمد ولد نور محمد ),") +
      alias("Good", "Max Born") + "</INDIVIDUAL>");
  ImportResult r = ImportUnXml(xml);
  REQUIRE(r.status.ok());
  REQUIRE(r.entries.size() == 1);
  const model::WatchlistEntry& e = r.entries[0];
  std::vector<std::string> full;
  for (const auto& n : e.names) full.push_back(n.full);
  CHECK(full == std::vector<std::string>{"M. JAVAD KARIMI SABET",
                                         "Mohammed Sabet",
                                         "Mohammad Sabet",
                                         "M. Jawad Karimi Sabet",
                                         "حسن غول",
                                         "Hassan Ghul",
                                         "Hasan Gul",
                                         "Amir Khazmat",
                                         "Амир Хазмат",
                                         "EL PARA",
                                         "Musa Hilal",
                                         "Safia Al-Hadad",
                                         "Mohammad Ishaq Akhund",
                                         "Akhter Mohmad son of Noor Mohmad",
                                         "اختر محمد ولد نور محمد",
                                         "Max Born"});
  // Each name keeps its alias quality and gets its own script.
  CHECK(e.names[5].kind == model::NameKind::kWeakAlias);
  CHECK(e.names[5].script == "Latn");
  CHECK(e.names[4].script == "Arab");
  CHECK(e.names[8].script == "Cyrl");
  CHECK(e.names[8].kind == model::NameKind::kAlias);
  // The birth notes' dates are the entry's.
  REQUIRE(e.dates_of_birth.size() == 2);
  CHECK(e.dates_of_birth[0].year == 1953);
  CHECK(e.dates_of_birth[0].month == 1);
  CHECK(e.dates_of_birth[0].day == 1);
  CHECK(e.dates_of_birth[1].year == 1963);
  CHECK(e.dates_of_birth[1].month == 0);
  CHECK(r.issues.empty());
}

// "Hilarion Santos, III (third)": the part after the comma is a generational suffix, not given
// names; the name stays in its order with the suffix last (normalize weighs III as a title),
// and a passenger who leaves the suffix out scores as the name itself.
TEST_CASE("UN alias with a generational suffix after a comma is not SURNAME, Given") {
  ImportResult r = ImportUnXml(Wrap("<INDIVIDUAL><DATAID>10</DATAID><FIRST_NAME>ISNILON"
                                    "</FIRST_NAME><REFERENCE_NUMBER>QDi.204</REFERENCE_NUMBER>" +
                                    AliasXml("Good", "Hilarion Santos, III (third)") +
                                    AliasXml("Good", "Santos, Hilarion") + "</INDIVIDUAL>"));
  REQUIRE(r.status.ok());
  REQUIRE(r.entries.size() == 1);
  const auto& names = r.entries[0].names;
  REQUIRE(names.size() == 3);
  CHECK(names[1].full == "Hilarion Santos III");
  CHECK(names[1].surname.empty());
  CHECK(names[1].given_names.empty());
  CHECK(names[2].surname == "Santos");  // an ordinary comma form still splits
  CHECK(names[2].given_names == "Hilarion");
  auto normalized = normalize::NormalizeName(names[1].full);
  REQUIRE(normalized.ok());
  REQUIRE(normalized->tokens.size() == 3);
  CHECK(normalized->tokens[2].kind == normalize::TokenKind::kTitle);
  const auto c = compare::CompareNameStrings("HILARION SANTOS", names[1].full);
  REQUIRE(c.ok());
  CHECK(c->score == Approx(1.0));
}

TEST_CASE("UN malformed records are skipped with the entry and field named") {
  const std::string xml = Wrap(
      "<INDIVIDUAL><DATAID>9</DATAID><REFERENCE_NUMBER>XXi.001</REFERENCE_NUMBER></INDIVIDUAL>"
      "<INDIVIDUAL><FIRST_NAME>NO ID</FIRST_NAME></INDIVIDUAL>"
      "<INDIVIDUAL><FIRST_NAME>A</FIRST_NAME><SECOND_NAME>B</SECOND_NAME><REFERENCE_NUMBER>XXi.003"
      "</REFERENCE_NUMBER><INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE>"
      "<DATE>1963-02-30</DATE></INDIVIDUAL_DATE_OF_BIRTH></INDIVIDUAL>");
  ImportResult r = ImportUnXml(xml);
  REQUIRE(r.status.ok());
  REQUIRE(r.entries.size() == 1);
  CHECK(r.entries[0].entry_id == "UN-SC:XXi.003");
  CHECK(r.entries[0].dates_of_birth.empty());
  REQUIRE(r.issues.size() == 3);
  CHECK(r.skipped_entries() == 2);
  CHECK(r.issues[0].where == "UN-SC:XXi.001");
  CHECK(r.issues[0].field == "FIRST_NAME");
  CHECK(r.issues[1].where == "INDIVIDUAL #2");
  CHECK(r.issues[2].field == "INDIVIDUAL_DATE_OF_BIRTH/DATE");
  CHECK(r.issues[2].ToString().find("value dropped") != std::string::npos);
}

TEST_CASE("UN broken documents give a status, never a crash") {
  CHECK_FALSE(ImportUnXml("").status.ok());
  CHECK_FALSE(ImportUnXml("<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>").status.ok());
  CHECK_FALSE(ImportUnXml("<OTHER/>").status.ok());
  CHECK_FALSE(ImportUnXml(std::string("\0\xff\xfe<", 4)).status.ok());
  ImportResult empty = ImportUnXml("<CONSOLIDATED_LIST/>");
  CHECK(empty.status.ok());
  CHECK(empty.entries.empty());
  CHECK(ImportUnXmlFile("/nonexistent/un.xml").status.code() == absl::StatusCode::kNotFound);
}

TEST_CASE("UN real list: counts match an independent walk of the XML", "[data]") {
  const std::string dir = SharedDataDir();
  if (dir.empty()) {
    WARN("../shared/data absent: skipping the real UN list test");
    return;
  }
  const std::string path = dir + "/watchlists/un_consolidated.xml";
  ImportResult r = ImportUnXmlFile(path);
  REQUIRE(r.status.ok());

  pugi::xml_document doc;
  REQUIRE(doc.load_file(path.c_str()));
  size_t individuals = 0, entities = 0, aliases = 0, weak = 0, docs = 0, exact = 0, year = 0,
         range = 0, originals = 0,
         separators = 0;
  auto root = doc.child("CONSOLIDATED_LIST");
  for (auto n : root.child("INDIVIDUALS").children("INDIVIDUAL")) {
    ++individuals;
    for (auto d : n.children("INDIVIDUAL_DOCUMENT")) docs += !std::string(d.child_value("NUMBER")).empty();
    for (auto d : n.children("INDIVIDUAL_DATE_OF_BIRTH")) {
      exact += d.child("DATE") ? 1 : 0;
      year += d.child("YEAR") ? 1 : 0;
      range += d.child("FROM_YEAR") ? 1 : 0;
    }
  }
  for ([[maybe_unused]] auto n : root.child("ENTITIES").children("ENTITY")) ++entities;
  for (const char* kind : {"INDIVIDUAL", "ENTITY"}) {
    for (auto x : doc.select_nodes((std::string("//") + kind + "_ALIAS").c_str())) {
      if (std::string(x.node().child_value("ALIAS_NAME")).empty()) continue;
      std::string q = x.node().child_value("QUALITY");
      (q == "Low" ? weak : aliases) += 1;
      int depth = 0;
      for (char c : std::string(x.node().child_value("ALIAS_NAME"))) {
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        separators += depth == 0 && c == ';';
      }
    }
  }
  originals = doc.select_nodes("//NAME_ORIGINAL_SCRIPT[text()]").size();

  WatchlistStats s = ComputeStats(r.entries);
  CHECK(r.skipped_entries() == 0);
  CHECK(s.categories["individual"] == individuals);
  CHECK(s.categories["entity"] == entities);
  CHECK(s.entries == individuals + entities);
  CHECK(s.primary == individuals + entities + originals);
  // An alias field may hold several names (';' between them, or a parenthesised part in
  // another script), so the importer has more names than alias fields, never fewer: at least
  // one more per ';' outside parentheses. Names in parentheses (another script, or the Latin
  // forms of an original-script alias) and "b)" lists add 47 more on the shared list.
  CHECK(s.alias + s.weak_alias >= aliases + weak + separators);
  CHECK(s.alias + s.weak_alias <= aliases + weak + separators + 60);
  CHECK(s.weak_alias >= weak);
  CHECK(s.documents == docs);
  // Alias DOBs and month-year notes add to the element counts; duplicates collapse.
  CHECK(s.dob_range == range);
  CHECK(s.dob_exact >= exact - 5);
  CHECK(s.dob_year + s.dob_year_month >= year - 5);
  CHECK(s.scripts["Arab"] > 300);
  CHECK(s.scripts["Cyrl"] >= 5);
  CHECK(s.nationalities_mapped > 600);
  CHECK(s.nationalities_unmapped <= 3);

  const auto* zawahiri = FindEntry(r, "UN-SC:QDi.006");
  REQUIRE(zawahiri != nullptr);
  CHECK(zawahiri->names[0].surname == "AL-ZAWAHIRI");
  CHECK(zawahiri->nationalities == std::vector<std::string>{"EGY"});
  REQUIRE(!zawahiri->documents.empty());
  CHECK(zawahiri->documents[0].number == "1084010");
  const auto* kp = FindEntry(r, "UN-SC:KPi.001");
  REQUIRE(kp != nullptr);
  CHECK(kp->names[0].surname == "YUN");
  INFO("load seconds " << r.load_seconds);
  CHECK(r.load_seconds < 5.0);
}

}  // namespace
}  // namespace paxscreen::watchlist
