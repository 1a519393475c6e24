// ns per name for matcher/normalize (Latin, Cyrillic, Arabic, Greek and fallback-script names)
// and for normalize + every phonetic encoder on each token.
//
//   ./build/release/bench/matcher/text_bench --benchmark_filter=Normalize
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "matcher/normalize/normalize.h"
#include "matcher/phonetic/phonetic.h"

namespace {

namespace norm = paxscreen::normalize;
namespace ph = paxscreen::phonetic;

const std::vector<std::string>& Names(int set) {
  static const std::vector<std::vector<std::string>> kSets = {
      // 0: Latin, ASCII (MRZ / booking style)
      {"MUHAMMAD YUSUF AL-QAHTANI", "SMITH, JOHN PAUL", "AL<QAHTANI<<MUHAMMAD<YUSUF<<<<<<",
       "JEAN-PIERRE VAN DER BERG", "O'BRIEN, SEAN PATRICK", "ABDUL RAHMAN BIN HASAN",
       "MR ALEKSANDR IVANOV", "GARCIA LOPEZ, MARIA DEL CARMEN"},
      // 1: Latin with diacritics
      {"Jürgen Müller-Lüdenscheidt", "Thérèse Cañon", "Øystein Ærø", "Łukasz Wróblewski",
       "José María de la Cruz", "Zoë Brontë", "Ştefan Ţiriac", "Bjørn Åström"},
      // 2: Cyrillic
      {"Александр Сергеевич Пушкин", "Щербаков, Юрий", "Олександр Ковальчук", "Жанна Хрущёва",
       "Ильич Подъячев", "Ђорђе Љубичић", "Євгенія Ґонта", "Наталья Цветаева"},
      // 3: Arabic
      {"محمد يوسف القحطاني", "عبدالرحمن بن حسن", "فاطمة الزهراء", "أسامة بن لادن",
       "عمر عبد الله", "خالد الغامدي", "مُحَمَّد", "حسين علي"},
      // 4: Greek
      {"Γιώργος Παπαδόπουλος", "Ευάγγελος Ντίνος", "Χρήστος Θεοδωρίδης", "Μπάμπης Ψαρράς"},
      // 5: fallback scripts through ICU Any-Latin (Hebrew, Han, Devanagari)
      {"דוד בן גוריון", "毛泽东", "नरेन्द्र मोदी", "שמעון פרס"},
  };
  return kSets[static_cast<std::size_t>(set)];
}

void BM_Normalize(benchmark::State& state) {
  const auto& names = Names(static_cast<int>(state.range(0)));
  std::size_t i = 0, tokens = 0;
  for (auto _ : state) {
    auto n = norm::NormalizeName(names[i]);
    if (!n.ok()) state.SkipWithError("normalize failed");
    tokens += n->tokens.size();
    benchmark::DoNotOptimize(n);
    if (++i == names.size()) i = 0;
  }
  state.counters["tokens/name"] =
      static_cast<double>(tokens) / static_cast<double>(state.iterations());
  state.SetItemsProcessed(state.iterations());
}

void BM_NormalizeAndEncode(benchmark::State& state) {
  const auto& names = Names(static_cast<int>(state.range(0)));
  std::size_t i = 0;
  for (auto _ : state) {
    auto n = norm::NormalizeName(names[i]);
    if (!n.ok()) state.SkipWithError("normalize failed");
    for (const auto& t : n->tokens) {
      benchmark::DoNotOptimize(ph::DoubleMetaphone(t.text));
      benchmark::DoNotOptimize(ph::Nysiis(t.text));
      benchmark::DoNotOptimize(ph::Soundex(t.text));
      benchmark::DoNotOptimize(ph::DaitchMokotoff(t.text));
      benchmark::DoNotOptimize(ph::ArabicSkeleton(t.text));
    }
    if (++i == names.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_TransliterateOnly(benchmark::State& state) {
  const auto& names = Names(static_cast<int>(state.range(0)));
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(norm::TransliterateIcao(names[i]));
    if (++i == names.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}

void Sets(benchmark::internal::Benchmark* b) {
  b->ArgName("set");  // 0 ASCII, 1 Latin+diacritics, 2 Cyrillic, 3 Arabic, 4 Greek, 5 fallback
  for (int s = 0; s <= 5; ++s) b->Arg(s);
}

BENCHMARK(BM_Normalize)->Apply(Sets);
BENCHMARK(BM_TransliterateOnly)->Apply(Sets);
BENCHMARK(BM_NormalizeAndEncode)->Apply(Sets);

}  // namespace
