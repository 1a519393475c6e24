#include "matcher/harness/name_pools.h"

namespace paxscreen::harness {

const std::vector<std::vector<std::string>>& TransliterationFamilies() {
  static const auto* families = new std::vector<std::vector<std::string>>{
      {"MUHAMMAD", "MOHAMMED", "MOHAMMAD", "MOHAMAD", "MOHAMED", "MUHAMMED", "MOHAMMAD",
       "MUHAMAD", "MOHAMMEDE"},
      {"YUSUF", "YOUSSEF", "YOUSEF", "YUSEF", "YOUSOF", "YOUSUF"},
      {"ALEKSANDR", "ALEXANDER", "OLEKSANDR", "ALEKSANDER", "ALEXANDR"},
      {"HUSSEIN", "HUSAYN", "HOSSEIN", "HUSEIN", "HUSSAIN", "HOSEIN"},
      {"HASSAN", "HASAN", "HASSEN"},
      {"ABDULLAH", "ABDALLAH", "ABDULLA", "ABDELLAH"},
      {"AHMED", "AHMAD", "AHMET", "AHMMED"},
      {"OSAMA", "USAMA", "OUSSAMA", "USAMAH"},
      {"OMAR", "UMAR", "OMER"},
      {"KHALID", "KHALED", "HALID"},
      {"SAID", "SAEED", "SAYED", "SAYID"},
      {"MAHMOUD", "MAHMUD", "MAHMOOD"},
      {"MUSTAFA", "MUSTAPHA", "MOSTAFA"},
      {"IBRAHIM", "EBRAHIM", "IBRAGIM", "IBRAHEEM"},
      {"YAHYA", "YAHIA", "YEHIA"},
      {"ABDULRAHMAN", "ABDURRAHMAN", "ABDELRAHMAN", "ABDUL RAHMAN"},
      {"SERGEI", "SERGEY", "SERHIY"},
      {"YURI", "YURIY", "IURII", "JURIJ"},
      {"ANDREI", "ANDREY", "ANDRIY"},
      {"DMITRI", "DMITRY", "DMYTRO", "DMITRIY"},
      {"MIKHAIL", "MIHAIL", "MYKHAILO", "MICHAIL"},
      {"NIKOLAI", "NIKOLAY", "MYKOLA"},
      {"YEVGENY", "EVGENY", "YEVHEN", "EVGENII"},
      {"QADHAFI", "GADDAFI", "KADAFI", "QADDAFI"},
      {"JAFAR", "JAAFAR", "DJAFAR"},
      {"ZAKARIA", "ZAKARIYA", "ZAKARIYYA", "ZAKARIA"},
  };
  return *families;
}

const std::vector<std::pair<std::string, std::string>>& SpellingRules() {
  static const auto* rules = new std::vector<std::pair<std::string, std::string>>{
      {"OU", "U"},  {"U", "OU"},  {"OO", "U"},  {"EE", "I"},  {"IY", "I"},  {"Y", "I"},
      {"I", "Y"},   {"Q", "K"},   {"K", "Q"},   {"DH", "Z"},  {"J", "DJ"},  {"J", "DZH"},
      {"KH", "H"},  {"KH", "X"},  {"SH", "CH"}, {"CH", "SH"}, {"AI", "AY"}, {"EI", "AY"},
      {"AA", "A"},  {"SS", "S"},  {"MM", "M"},  {"LL", "L"},  {"DD", "D"},  {"E", "A"},
      {"A", "E"},   {"O", "U"},   {"W", "V"},   {"V", "W"},   {"PH", "F"},  {"TH", "T"},
      {"IE", "I"},  {"YA", "IA"}, {"YU", "IU"}, {"TS", "C"},  {"GH", "G"},  {"Z", "S"},
  };
  return *rules;
}

const std::vector<std::string>& JoinablePrefixes() {
  // Only prefixes that really are written both ways; splitting ALVARADO or DIABY would test
  // spellings no one uses.
  static const auto* prefixes = new std::vector<std::string>{"ABDUL", "ABDEL", "ABDUR", "ABU"};
  return *prefixes;
}

const std::vector<std::string>& MiddleNames() {
  static const auto* names = new std::vector<std::string>{
      "ALI", "HASSAN", "AHMED", "KARIM", "JOHN", "MARIE", "LUIS", "IVANOVICH", "KUMAR",
      "ANNE", "JOSE", "MIHAI", "OMAR", "SALEH", "NASSER"};
  return *names;
}

const std::vector<NamePool>& CulturePools() {
  static const auto* pools = new std::vector<NamePool>{
      {"arabic",
       {"MOHAMMED", "AHMED", "ALI", "OMAR", "KHALID", "YOUSEF", "IBRAHIM", "HASSAN", "FATIMA",
        "AISHA", "MARIAM", "SARA", "TARIQ", "WALID", "SAMIR", "NABIL", "RASHID", "HAMZA",
        "LAYLA", "NOUR", "ZAINAB", "BILAL", "FAISAL", "MAJID", "ADEL"},
       {"HADDAD", "KHOURY", "NASSER", "SALEH", "HAMDAN", "MANSOUR", "AZIZ", "SHARIF", "FARAH",
        "BAKR", "JABER", "AWAD", "HABIB", "ISSA", "KHALIL", "MASRI", "OTHMAN", "RAHAL",
        "SABBAGH", "TAHA", "YASSIN", "ZAYED", "QASIM", "NAJJAR", "SHAHIN"}},
      {"persian_afghan",
       {"REZA", "MEHDI", "ALI", "HAMID", "FARID", "PARVIZ", "DARIUS", "SHIRIN", "NASRIN",
        "MARYAM", "AHMAD", "JAVAD", "KAVEH", "ROYA", "ZAHRA", "NADER", "WAHID", "HABIB",
        "SHAKIB", "ZALMAY"},
       {"AHMADI", "HOSSEINI", "KARIMI", "MOHAMMADI", "RAHIMI", "SADEGHI", "TEHRANI",
        "JAFARI", "NAZARI", "AZIMI", "POPAL", "STANIKZAI", "WARDAK", "SAFI", "NOORI",
        "HAIDARI", "SULTANI", "YUSUFZAI", "AMIRI", "SHIRAZI"}},
      {"south_asian",
       {"RAHUL", "PRIYA", "AMIT", "SUNITA", "ARJUN", "DEEPA", "IMRAN", "AYESHA", "SANJAY",
        "KAVITA", "VIKRAM", "NEHA", "ASIF", "FARHAN", "RAVI", "ANJALI", "SURESH", "MEERA",
        "TARUN", "NADIA"},
       {"SHARMA", "PATEL", "SINGH", "KHAN", "GUPTA", "REDDY", "IYER", "CHOWDHURY", "MALIK",
        "QURESHI", "BUTT", "CHAUDHRY", "NAIR", "DAS", "BOSE", "MEHTA", "JOSHI", "SIDDIQUI",
        "RAHMAN", "HUSSAIN"}},
      {"turkish",
       {"MEHMET", "MUSTAFA", "AYSE", "FATMA", "EMRE", "BURAK", "ZEYNEP", "ELIF", "MURAT",
        "KEMAL", "SELIN", "OGUZ", "CEM", "DENIZ", "ORHAN"},
       {"YILMAZ", "KAYA", "DEMIR", "SAHIN", "CELIK", "YILDIZ", "AYDIN", "OZTURK", "ARSLAN",
        "DOGAN", "KILIC", "ASLAN", "KOC", "KURT", "OZDEMIR"}},
      {"slavic",
       {"IVAN", "OLGA", "NATALIA", "SERGEY", "ANNA", "PAVEL", "TATIANA", "VLADIMIR", "ELENA",
        "MAXIM", "IRINA", "BORIS", "SVETLANA", "OLEG", "KATERYNA", "TOMASZ", "AGNIESZKA",
        "PIOTR", "JANA", "MILAN"},
       {"IVANOV", "SMIRNOVA", "KUZNETSOV", "POPOV", "SOKOLOVA", "LEBEDEV", "KOZLOV",
        "NOVIKOVA", "MOROZOV", "VOLKOV", "SHEVCHENKO", "KOVALENKO", "BONDARENKO", "NOWAK",
        "KOWALSKI", "WISNIEWSKI", "NOVAK", "HORVAT", "PETROVIC", "JOVANOVIC"}},
      {"west_european",
       {"JOHN", "MARY", "JAMES", "EMMA", "THOMAS", "SOPHIE", "PIERRE", "CLAIRE", "HANS",
        "GRETA", "LUCA", "GIULIA", "PIETER", "ANOUK", "LARS", "INGRID", "SEAN", "SIOBHAN",
        "OLIVER", "CHARLOTTE"},
       {"SMITH", "JONES", "TAYLOR", "BROWN", "MARTIN", "DUBOIS", "MUELLER", "SCHMIDT",
        "ROSSI", "BIANCHI", "DE JONG", "JANSEN", "JOHANSSON", "NIELSEN", "MURPHY", "KELLY",
        "WILSON", "LEFEBVRE", "WEBER", "FISCHER"}},
      {"hispanic",
       {"JOSE", "MARIA", "JUAN", "CARMEN", "LUIS", "ANA", "CARLOS", "LUCIA", "JORGE",
        "SOFIA", "MIGUEL", "ISABEL", "DIEGO", "VALENTINA", "PEDRO", "CAMILA", "JOAO",
        "BEATRIZ", "RAFAEL", "PAULA"},
       {"GARCIA", "RODRIGUEZ", "MARTINEZ", "HERNANDEZ", "LOPEZ", "GONZALEZ", "PEREZ",
        "SANCHEZ", "RAMIREZ", "TORRES", "FLORES", "RIVERA", "GOMEZ", "DIAZ", "SILVA",
        "SANTOS", "OLIVEIRA", "PEREIRA", "FERREIRA", "ALVES"}},
      {"east_asian",
       {"WEI", "FANG", "JING", "LEI", "MIN", "HIROSHI", "YUKI", "TAKESHI", "SAKURA", "JI HOON",
        "MIN JUN", "SEO YEON", "MINH", "LAN", "DUC", "HUONG", "KENJI", "HARUTO", "XIAO",
        "YING"},
       {"WANG", "LI", "ZHANG", "LIU", "CHEN", "YANG", "HUANG", "ZHAO", "WU", "ZHOU", "SATO",
        "SUZUKI", "TAKAHASHI", "TANAKA", "KIM", "LEE", "PARK", "CHOI", "NGUYEN", "TRAN"}},
      {"african",
       {"CHIDI", "NGOZI", "OLUWASEUN", "ADAEZE", "KWAME", "AMA", "TENDAI", "NOMVULA",
        "ABEBE", "TIGIST", "JUMA", "WANJIRU", "MAMADOU", "AMINATA", "IBRAHIMA", "FATOUMATA",
        "SEKOU", "KOFI", "THABO", "ZANELE"},
       {"OKONKWO", "ADEYEMI", "OKAFOR", "MENSAH", "BOATENG", "MOYO", "DLAMINI", "NKOSI",
        "BEKELE", "TESFAYE", "MWANGI", "OTIENO", "DIALLO", "TRAORE", "KEITA", "COULIBALY",
        "CAMARA", "BANGURA", "OBI", "EZE"}},
  };
  return *pools;
}

}  // namespace paxscreen::harness
