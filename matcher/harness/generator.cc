#include "matcher/harness/generator.h"

#include <algorithm>
#include <array>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "matcher/harness/name_pools.h"
#include "matcher/normalize/normalize.h"

namespace paxscreen::harness {
namespace {

template <typename T>
const T& Pick(const std::vector<T>& v, std::mt19937_64& rng) {
  return v[rng() % v.size()];
}

bool Chance(std::mt19937_64& rng, double p) {
  return std::uniform_real_distribution<double>(0, 1)(rng) < p;
}

char RandomLetter(std::mt19937_64& rng) { return static_cast<char>('A' + rng() % 26); }

// Index of a random token of at least `min_len` characters, or -1.
int PickToken(const std::vector<std::string>& tokens, size_t min_len, std::mt19937_64& rng) {
  std::vector<int> ok;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].size() >= min_len) ok.push_back(static_cast<int>(i));
  }
  return ok.empty() ? -1 : ok[rng() % ok.size()];
}

std::string Pad2(int v) { return v < 10 ? absl::StrCat("0", v) : absl::StrCat(v); }

std::string FormatDate(int y, int m, int d) { return absl::StrCat(y, "-", Pad2(m), "-", Pad2(d)); }

// Sets the passenger's date of birth from the entry's, with the noise real data has.
std::string NoisyDob(const model::WatchlistEntry& e, model::Passenger* p, std::mt19937_64& rng) {
  const model::DateOfBirth* exact = nullptr;
  const model::DateOfBirth* year_only = nullptr;
  for (const auto& d : e.dates_of_birth) {
    if (d.year > 0 && d.month > 0 && d.day > 0 && d.year_to == 0) exact = &d;
    if (d.year > 0 && d.month == 0 && d.year_to == 0) year_only = &d;
  }
  double r = std::uniform_real_distribution<double>(0, 1)(rng);
  if (exact != nullptr) {
    if (r < 0.4) {
      p->date_of_birth = FormatDate(exact->year, exact->month, exact->day);
      return "exact";
    }
    if (r < 0.5 && exact->day <= 12 && exact->day != exact->month) {
      p->date_of_birth = FormatDate(exact->year, exact->day, exact->month);
      return "day_month_swapped";
    }
    if (r < 0.6) {
      p->date_of_birth = FormatDate(exact->year + (rng() % 2 ? 1 : -1), exact->month, exact->day);
      return "one_year_off";
    }
    return "missing";
  }
  if (year_only != nullptr && r < 0.5) {
    // Travellers carry a full date even when the list knows only the year.
    p->date_of_birth = FormatDate(year_only->year, 1 + rng() % 12, 1 + rng() % 28);
    return "same_year";
  }
  return e.dates_of_birth.empty() ? "none" : "missing";
}

// Fills surname and given names (the last token, with the particles before it, as surname)
// or the full name, at random.
void SetName(const std::vector<std::string>& tokens, model::Passenger* p, std::mt19937_64& rng) {
  if (tokens.size() >= 2 && Chance(rng, 0.5)) {
    auto surname = tokens.end() - 1;
    while (surname - 1 > tokens.begin() &&
           normalize::ClassifyToken(*(surname - 1)) == normalize::TokenKind::kParticle) {
      --surname;
    }
    p->surname = absl::StrJoin(surname, tokens.end(), " ");
    p->given_names = absl::StrJoin(tokens.begin(), surname, " ");
  } else {
    p->full_name = absl::StrJoin(tokens, " ");
  }
}

// Where the name tokens are (not particles or titles), in order.
std::vector<size_t> NameTokenPositions(const std::vector<std::string>& tokens) {
  std::vector<size_t> at;
  for (size_t k = 0; k < tokens.size(); ++k) {
    if (normalize::ClassifyToken(tokens[k]) == normalize::TokenKind::kName) at.push_back(k);
  }
  return at;
}

}  // namespace

std::string_view VariantName(Variant v) {
  switch (v) {
    case Variant::kExact: return "exact";
    case Variant::kTypo: return "typo";
    case Variant::kOcr: return "ocr";
    case Variant::kTransliteration: return "transliteration";
    case Variant::kReordered: return "reordered";
    case Variant::kDroppedMiddle: return "dropped_middle";
    case Variant::kAddedMiddle: return "added_middle";
    case Variant::kParticle: return "particle";
    case Variant::kMrzTruncated: return "mrz_truncated";
    case Variant::kNegative: return "negative";
  }
  return "unknown";
}

std::vector<std::string> Words(std::string_view name) {
  std::vector<std::string> out;
  auto t = normalize::TransliterateIcao(name);
  if (!t.ok()) return out;
  std::string cur;
  for (char c : *t + " ") {
    if (c >= 'A' && c <= 'Z') {
      cur.push_back(c);
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  return out;
}

bool ApplyTypo(std::vector<std::string>* tokens, std::mt19937_64& rng) {
  int i = PickToken(*tokens, 4, rng);
  if (i < 0) return false;
  std::string& t = (*tokens)[i];
  size_t pos = rng() % t.size();
  switch (rng() % 4) {
    case 0: t.insert(t.begin() + pos, RandomLetter(rng)); break;
    case 1: t.erase(pos, 1); break;
    case 2: {
      char c;
      do c = RandomLetter(rng); while (c == t[pos]);
      t[pos] = c;
      break;
    }
    default:
      if (pos + 1 >= t.size()) pos = t.size() - 2;
      if (t[pos] == t[pos + 1]) return ApplyTypo(tokens, rng);
      std::swap(t[pos], t[pos + 1]);
  }
  return true;
}

bool ApplyOcr(std::vector<std::string>* tokens, std::mt19937_64& rng) {
  static constexpr std::array<std::pair<char, char>, 4> kConfusions = {
      {{'O', '0'}, {'I', '1'}, {'S', '5'}, {'B', '8'}}};
  std::vector<std::pair<int, size_t>> spots;
  for (size_t i = 0; i < tokens->size(); ++i) {
    const std::string& t = (*tokens)[i];
    for (size_t k = 0; k < t.size(); ++k) {
      for (auto [letter, digit] : kConfusions) {
        if (t[k] == letter) spots.emplace_back(static_cast<int>(i), k);
      }
    }
  }
  if (spots.empty()) return false;
  auto [i, k] = spots[rng() % spots.size()];
  for (auto [letter, digit] : kConfusions) {
    if ((*tokens)[i][k] == letter) (*tokens)[i][k] = digit;
  }
  return true;
}

bool ApplyTransliteration(std::vector<std::string>* tokens, std::mt19937_64& rng) {
  // Whole-token families first: they are what real lists and passports disagree on most.
  std::vector<int> order(tokens->size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::shuffle(order.begin(), order.end(), rng);
  for (int i : order) {
    for (const auto& family : TransliterationFamilies()) {
      if (std::find(family.begin(), family.end(), (*tokens)[i]) == family.end()) continue;
      std::string other;
      do other = Pick(family, rng); while (other == (*tokens)[i]);
      (*tokens)[i] = other;
      return true;
    }
  }
  // Else one spelling rule (OU -> U, Q -> K, EE -> I, doubled letters ...) in one token.
  std::vector<std::pair<int, size_t>> spots;  // (token, rule)
  const auto& rules = SpellingRules();
  for (int i : order) {
    if ((*tokens)[i].size() < 3) continue;
    for (size_t r = 0; r < rules.size(); ++r) {
      if ((*tokens)[i].find(rules[r].first) != std::string::npos) spots.emplace_back(i, r);
    }
  }
  if (spots.empty()) return false;
  auto [i, r] = spots[rng() % spots.size()];
  std::string& t = (*tokens)[i];
  t.replace(t.find(rules[r].first), rules[r].first.size(), rules[r].second);
  return true;
}

bool ApplyParticle(std::vector<std::string>* tokens, std::mt19937_64& rng) {
  // Join a particle to the next token (AL QAHTANI -> ALQAHTANI) or split a joined one.
  std::vector<size_t> joinable, splittable;
  for (size_t i = 0; i < tokens->size(); ++i) {
    const std::string& t = (*tokens)[i];
    if (normalize::ClassifyToken(t) == normalize::TokenKind::kParticle && i + 1 < tokens->size()) {
      joinable.push_back(i);
    }
    for (const std::string& p : JoinablePrefixes()) {
      if (t.size() > p.size() + 2 && t.compare(0, p.size(), p) == 0) splittable.push_back(i);
    }
  }
  if (joinable.empty() && splittable.empty()) return false;
  size_t n = joinable.size() + splittable.size();
  size_t k = rng() % n;
  if (k < joinable.size()) {
    size_t i = joinable[k];
    (*tokens)[i] += (*tokens)[i + 1];
    tokens->erase(tokens->begin() + i + 1);
  } else {
    size_t i = splittable[k - joinable.size()];
    std::string t = (*tokens)[i];
    for (const std::string& p : JoinablePrefixes()) {
      if (t.size() > p.size() + 2 && t.compare(0, p.size(), p) == 0) {
        (*tokens)[i] = t.substr(p.size());
        tokens->insert(tokens->begin() + i, p);
        break;
      }
    }
  }
  return true;
}

std::string MrzName(const std::vector<std::string>& surname, const std::vector<std::string>& given,
                    size_t width) {
  std::string s = absl::StrCat(absl::StrJoin(surname, "<"), "<<", absl::StrJoin(given, "<"));
  if (s.size() > width) s.resize(width);
  return s;
}

std::vector<LabelledTraveller> GenerateTravellers(const std::vector<model::WatchlistEntry>& entries,
                                                  const HarnessOptions& options) {
  std::mt19937_64 rng(options.seed);
  std::vector<LabelledTraveller> out;
  // Sorted token sets of every list name, particles left out, so that a generated negative
  // that is in fact a listed name (IBRAHIM BAKR / Ibrahim al-Bakr) is drawn again.
  absl::flat_hash_set<std::string> listed;
  auto key = [](std::vector<std::string> t) {
    t.erase(std::remove_if(t.begin(), t.end(),
                           [](const std::string& w) {
                             return normalize::ClassifyToken(w) != normalize::TokenKind::kName;
                           }),
            t.end());
    std::sort(t.begin(), t.end());
    return absl::StrJoin(t, " ");
  };
  size_t next_id = 0;
  auto add = [&](std::vector<std::string> tokens, const model::WatchlistEntry* e, Variant v,
                 bool mrz_form) {
    LabelledTraveller t;
    t.record.record_id = absl::StrCat("H-", ++next_id);
    t.record.source = "API";
    t.variant = v;
    if (mrz_form) {
      t.record.passenger.full_name = absl::StrJoin(tokens, " ");
    } else {
      SetName(tokens, &t.record.passenger, rng);
    }
    if (e != nullptr) {
      t.expected_entry_id = e->entry_id;
      t.dob_noise = NoisyDob(*e, &t.record.passenger, rng);
      if ((e->sex == "M" || e->sex == "F") && Chance(rng, 0.5)) t.record.passenger.sex = e->sex;
    }
    out.push_back(std::move(t));
  };

  for (const auto& e : entries) {
    for (const auto& n : e.names) listed.insert(key(Words(n.full)));
  }
  for (const auto& e : entries) {
    if (e.category != "individual" || e.op == model::EntryOp::kDelete) continue;
    std::vector<std::vector<std::string>> names;
    for (const auto& n : e.names) {
      if (n.kind == model::NameKind::kWeakAlias || (!n.script.empty() && n.script != "Latn")) {
        continue;
      }
      auto w = Words(n.full);
      if (w.size() >= 2) names.push_back(std::move(w));
    }
    if (names.empty()) continue;
    for (int rep = 0; rep < options.per_entry; ++rep) {
      for (int v = 0; v < kVariantCount - 1; ++v) {
        const Variant variant = static_cast<Variant>(v);
        auto tokens = Pick(names, rng);
        bool ok = true, mrz = false;
        switch (variant) {
          case Variant::kExact: break;
          case Variant::kTypo: ok = ApplyTypo(&tokens, rng); break;
          case Variant::kOcr: ok = ApplyOcr(&tokens, rng); break;
          case Variant::kTransliteration: ok = ApplyTransliteration(&tokens, rng); break;
          case Variant::kReordered:
            std::rotate(tokens.begin(), tokens.end() - 1, tokens.end());
            break;
          case Variant::kDroppedMiddle: {
            // A middle name token goes; at least two name tokens must stay.
            const std::vector<size_t> names_at = NameTokenPositions(tokens);
            std::vector<size_t> middles;
            for (size_t k = 1; k + 1 < names_at.size(); ++k) middles.push_back(names_at[k]);
            ok = !middles.empty() && names_at.size() >= 3;
            if (ok) tokens.erase(tokens.begin() + middles[rng() % middles.size()]);
            break;
          }
          case Variant::kAddedMiddle: {
            // A middle name goes right after the first name token, which keeps the particles
            // and titles before it (ABDUL SALAM ZAEEF -> ABDUL SALAM JOHN ZAEEF): put between
            // a particle and its name it would make another name (ABU ANAS -> ABU HASSAN ANAS, a
            // different kunya). A name of one name token has no middle to add to (no traveller;
            // the random stream of the travellers after it moves on by less).
            std::string middle = Pick(MiddleNames(), rng);
            const std::vector<size_t> names_at = NameTokenPositions(tokens);
            ok = names_at.size() >= 2;
            if (ok) tokens.insert(tokens.begin() + names_at[0] + 1, std::move(middle));
            break;
          }
          case Variant::kParticle: ok = ApplyParticle(&tokens, rng); break;
          case Variant::kMrzTruncated: {
            std::vector<std::string> sur{tokens.back()};
            std::vector<std::string> given(tokens.begin(), tokens.end() - 1);
            std::string mrz_text = MrzName(sur, given);
            // Only names longer than the field are cut; shorter ones would test nothing new.
            ok = absl::StrJoin(tokens, "").size() + tokens.size() + 1 > 39;
            tokens = {mrz_text};
            mrz = true;
            break;
          }
          case Variant::kNegative: break;
        }
        if (ok) add(std::move(tokens), &e, variant, mrz);
      }
    }
  }

  const auto& pools = CulturePools();
  for (size_t i = 0; i < options.negatives; ++i) {
    std::vector<std::string> tokens;
    do {
      const NamePool& pool = Pick(pools, rng);
      tokens = {Pick(pool.given, rng)};
      if (Chance(rng, 0.35)) tokens.push_back(Pick(pool.given, rng));
      tokens.push_back(Pick(pool.surnames, rng));
    } while (listed.contains(key(Words(absl::StrJoin(tokens, " ")))));
    add(std::move(tokens), nullptr, Variant::kNegative, false);
    model::Passenger& p = out.back().record.passenger;
    if (Chance(rng, 0.8)) p.date_of_birth = FormatDate(1940 + rng() % 66, 1 + rng() % 12, 1 + rng() % 28);
    out.back().dob_noise = p.date_of_birth.empty() ? "missing" : "random";
  }
  // A real feed does not bring one listed person's variants one after another, nor the
  // positives before the negatives: they come in a random order (its own random stream, so the
  // travellers themselves are those of the seed). Screening in list order let consecutive
  // travellers share candidates that were still in the CPU caches, which flattered speed.
  std::mt19937_64 order_rng(options.seed ^ 0x6F7264657273ull);
  std::shuffle(out.begin(), out.end(), order_rng);
  return out;
}

}  // namespace paxscreen::harness
