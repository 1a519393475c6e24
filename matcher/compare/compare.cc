// ComparePrepared: order-free alignment of two prepared names and the final score; see compare.h.
#include "matcher/compare/compare.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "matcher/base/status_macros.h"
#include "matcher/compare/reject_matrix.h"
#include "matcher/compare/small_distance.h"
#include "matcher/compare/unit_bound.h"

namespace paxscreen::compare {
namespace {

using normalize::TokenKind;

constexpr size_t kMaxAligned = 64;  // tokens beyond this are ignored (kMaxTokens is 32)

struct Edge {
  int unit_a;
  int unit_b;
  uint64_t mask_a;
  uint64_t mask_b;
  double sim;
  double weight;  // sum of the token weights on both sides
  const char* method;
};

uint64_t SpanMask(const PreparedUnit& u) {
  if (u.first >= kMaxAligned) return 0;
  const uint64_t bits = (u.count >= 64) ? ~uint64_t{0} : ((uint64_t{1} << u.count) - 1);
  return bits << u.first;
}

double SpanWeight(const PreparedName& n, const PreparedUnit& u) {
  double w = 0;
  for (int k = u.first; k < u.first + u.count; ++k) w += n.tokens[k].weight;
  return w;
}

using TokenValues = std::array<double, kMaxAligned>;  // one value per aligned token
static_assert(std::is_same_v<TokenValues, decltype(SimilarityMemo::QueryPenalties::values)>);

// Penalty weights of each aligned token of `n` when it stays unpaired. A name token of the longer
// name costs `missing_middle_penalty`, or its share of `missing_edge_penalty` when that is more:
// 1 / edge_parts, set by PrepareName (SetEdges in prepare.cc). Roles unknown: the first and last
// name tokens are edges (share 1), the others middle names (share 0). Roles known: the surname
// and the given names each carry one edge, spread over their name tokens, so that losing one
// token of a two-token part (HERRERA BUITRAGO / HERRERA, the maternal surname; JUAN CARLOS /
// CARLOS; ABBASI-DAVANI / DAVANI) costs half an edge and losing the whole part a full one.
TokenValues UnpairedPenalties(const PreparedName& n, int own_size, int other_size,
                              const CompareOptions& o) {
  // Only the aligned tokens' values are written and read: no need to clear all 64.
  TokenValues pen;
  std::fill_n(pen.begin(), std::min(n.tokens.size(), kMaxAligned), 0.0);
  for (size_t k = 0; k < n.tokens.size() && k < kMaxAligned; ++k) {
    const PreparedToken& t = n.tokens[k];
    if (t.weight == 0) continue;
    if (t.kind == TokenKind::kParticle) {
      pen[k] = t.compound ? o.compound_particle_penalty : t.weight * o.missing_middle_penalty;
    } else if (own_size > other_size) {  // the longer name: a missing middle or edge name
      const double edge = t.edge_parts == 0 ? 0.0 : 1.0 / t.edge_parts;
      pen[k] = t.weight * std::max(o.missing_middle_penalty, edge * o.missing_edge_penalty);
    } else if (own_size < other_size) {  // the shorter name: each of its tokens should be there
      pen[k] = t.weight * o.shorter_unmatched_penalty;
    } else {
      pen[k] = t.weight * o.missing_edge_penalty;
    }
  }
  return pen;
}

// Depth-first search over the query's tokens (see compare.h, step 3).
class Aligner {
 public:
  Aligner(std::span<const std::vector<Edge>> by_token, std::span<const double> pen_a,
          std::span<const double> pen_b, int budget)
      : by_token_(by_token),
        pen_a_(pen_a),
        pen_b_(pen_b),
        charged_a_(Charged(pen_a)),
        charged_b_(Charged(pen_b)),
        budget_(budget) {}

  void Run() { Visit(0, 0, 0, 0.0, 0.0); }
  double best_score() const { return best_score_; }
  std::span<const Edge* const> best() const { return {best_.data(), best_size_}; }

 private:
  void Visit(size_t i, uint64_t cov_a, uint64_t cov_b, double num, double den) {
    if (budget_ <= 0) return;
    if (i == by_token_.size()) {
      --budget_;
      // The penalties of the unpaired tokens, added in token order (a zero adds nothing).
      double total = den;
      for (uint64_t m = charged_a_ & ~cov_a; m != 0; m &= m - 1) {
        total += pen_a_[std::countr_zero(m)];
      }
      for (uint64_t m = charged_b_ & ~cov_b; m != 0; m &= m - 1) {
        total += pen_b_[std::countr_zero(m)];
      }
      const double score = total > 0 ? num / total : 0.0;
      if (score > best_score_) {
        best_score_ = score;
        std::copy_n(chosen_.begin(), chosen_size_, best_.begin());
        best_size_ = chosen_size_;
      }
      return;
    }
    if (cov_a >> i & 1) return Visit(i + 1, cov_a, cov_b, num, den);
    for (const Edge& e : by_token_[i]) {
      if ((e.mask_a & cov_a) || (e.mask_b & cov_b)) continue;
      chosen_[chosen_size_++] = &e;
      Visit(i + 1, cov_a | e.mask_a, cov_b | e.mask_b, num + e.sim * e.weight, den + e.weight);
      --chosen_size_;
    }
    Visit(i + 1, cov_a, cov_b, num, den);
  }

  // The tokens with a penalty other than 0, one bit each.
  static uint64_t Charged(std::span<const double> pen) {
    uint64_t m = 0;
    for (size_t k = 0; k < pen.size() && k < 64; ++k) {
      if (pen[k] != 0) m |= uint64_t{1} << k;
    }
    return m;
  }

  std::span<const std::vector<Edge>> by_token_;
  std::span<const double> pen_a_;  // one per aligned token
  std::span<const double> pen_b_;
  uint64_t charged_a_;
  uint64_t charged_b_;
  int budget_;
  // The edges on the current path and of the best leaf: one per query token at most, and the
  // search pairs at most kMaxAligned tokens (fixed arrays: no allocation per comparison).
  std::array<const Edge*, kMaxAligned> chosen_;
  std::array<const Edge*, kMaxAligned> best_;
  size_t chosen_size_ = 0;
  size_t best_size_ = 0;
  double best_score_ = -1;
};

// Whether some pairing could reach `floor`, judged from each token's best possible pair alone
// (the relaxation that lets every token take its best edge, whatever the others take). A token
// k of weight w and unpaired penalty p adds s*w to the numerator and w to the denominator when
// paired with similarity s, and p to the denominator when not; score >= floor exactly when
// sum over paired k of (s_k - floor) * w_k + floor * p_k >= floor * sum over all k of p_k, and
// the left side is largest when every token with a positive term is paired.
bool MayReach(std::span<const double> best_a, std::span<const double> best_b,
              const PreparedName& a, const PreparedName& b, std::span<const double> pen_a,
              std::span<const double> pen_b, double floor) {
  double gain = 0;
  double needed = 0;
  auto add = [&](std::span<const double> best, const PreparedName& n,
                 std::span<const double> pen) {
    for (size_t k = 0; k < best.size(); ++k) {
      needed += floor * pen[k];
      if (best[k] > 0) {
        gain += std::max(0.0, (best[k] - floor) * n.tokens[k].weight + floor * pen[k]);
      }
    }
  };
  add(best_a, a, pen_a);
  add(best_b, b, pen_b);
  return gain >= needed - 1e-9;  // rounding must never rule out a pairing
}

// Aligns `a` and `b` and returns the best alignment's score; `pairs`, when given, receives its
// pairs (screening's many comparisons ask for the score alone). With `floor` > 0 the alignment
// may stop early, returning a value below `floor` (not the score) and no pairs, when an upper
// bound shows the score cannot reach it.
double Align(const PreparedName& a, const PreparedName& b, const CompareOptions& o, double floor,
             SimilarityMemo* memo, std::vector<AlignedPair>* pairs) {
  if (pairs != nullptr) pairs->clear();
  const size_t n_a = std::min(a.tokens.size(), kMaxAligned);
  const size_t n_b = std::min(b.tokens.size(), kMaxAligned);
  const int size_a = a.size;
  const int size_b = b.size;
  // The query's penalties depend on the candidate only through which name is longer: the memo
  // keeps them for the query's other comparisons.
  TokenValues pen_a_own;
  const TokenValues* pen_a_all = &pen_a_own;
  if (memo != nullptr) {
    SimilarityMemo::QueryPenalties& kept =
        memo->query_penalties(size_a > size_b ? 0 : size_a == size_b ? 1 : 2);
    if (!kept.set) {
      kept.values = UnpairedPenalties(a, size_a, size_b, o);
      kept.set = true;
    }
    pen_a_all = &kept.values;
  } else {
    pen_a_own = UnpairedPenalties(a, size_a, size_b, o);
  }
  const TokenValues pen_b_all = UnpairedPenalties(b, size_b, size_a, o);
  const std::span<const double> pen_a(pen_a_all->data(), n_a);
  const std::span<const double> pen_b(pen_b_all.data(), n_b);

  // Unit pairs that may pair, with an upper bound of their similarity (exact for particles).
  struct Pending {
    int unit_a;
    int unit_b;
    double sim;  // the bound, or the similarity when `exact`
    bool exact;
    bool title;  // a name token with a title: pairs from options.title_similarity
    const char* method;
  };
  thread_local std::vector<Pending> pending;
  const double title_floor = std::max(o.title_similarity, o.min_token_similarity);
  pending.clear();
  std::array<double, kMaxAligned> best_a;
  std::array<double, kMaxAligned> best_b;
  std::fill_n(best_a.begin(), n_a, 0.0);
  std::fill_n(best_b.begin(), n_b, 0.0);
  auto note_best = [&](const auto& ua, const auto& ub, double sim) {
    for (int k = ua.first; k < ua.first + ua.count; ++k) best_a[k] = std::max(best_a[k], sim);
    for (int k = ub.first; k < ub.first + ub.count; ++k) best_b[k] = std::max(best_b[k], sim);
  };
  auto keep = [&](size_t ia, size_t ib, double sim, bool exact, bool title, const char* method) {
    pending.push_back({static_cast<int>(ia), static_cast<int>(ib), sim, exact, title, method});
    note_best(a.summaries[ia], b.summaries[ib], sim);
  };
  const internal::MissingLimits limits = internal::MissingLimits::For(o);
  // First the pairs that surely do not pair, eight candidate units at a time (reject_matrix.h):
  // a unit bound of 0, or a particle pair that ParticlePair cannot pair.
  thread_local std::vector<uint64_t> rejected;
  rejected.resize(a.units.size());
  // The integer limits depend on the options alone: kept per thread for the last ones seen.
  thread_local internal::MissingLimits last_limits{-1, -1};
  thread_local internal::RejectLimits reject_limits;
  if (limits.spelling != last_limits.spelling || limits.phonetic != last_limits.phonetic) {
    reject_limits = internal::RejectLimits::For(limits);
    last_limits = limits;
  }
  internal::ActiveRejectMatrix()(a.summaries.data(), a.summaries.size(), b.summaries.data(),
                                 b.summaries.size(), b.tokens.size(), reject_limits,
                                 rejected.data());
  // The pairs left: each candidate unit a query unit may pair with (pairable; a span only with a
  // single token, and a name's first units are its tokens), less those the matrix rejected.
  // The first 64 candidate units are walked by their bits, any further ones one by one.
  uint64_t b_pairable = 0;
  uint64_t b_single = 0;
  const size_t b_bits = std::min(b.summaries.size(), internal::kRejectMatrixWidth);
  for (size_t ib = 0; ib < b_bits; ++ib) {
    const UnitSummary& sb = b.summaries[ib];
    const uint64_t bit = uint64_t{1} << ib;
    if (sb.flags & UnitSummary::kPairable) {
      b_pairable |= bit;
      if (sb.count == 1) b_single |= bit;
    }
  }
  // The bound pass reads the candidate's unit summaries (one small array) and its units only
  // for particles and where a phonetic key may agree.
  size_t ia = 0;
  const UnitSummary* query_unit = nullptr;
  auto consider = [&](size_t ib) {
    const UnitSummary& sa = *query_unit;
    const UnitSummary& sb = b.summaries[ib];
    if (!((sa.flags | sb.flags) & (UnitSummary::kTitle | UnitSummary::kParticle))) {
      // Two name units, the common case: most are ruled out by the bound without a distance.
      const double bound = internal::SummaryBound(sa, a.units[ia], sb, b.units[ib], o, limits);
      if (bound >= o.min_token_similarity) keep(ia, ib, bound, false, false, nullptr);
      return;
    }
    if ((sa.flags | sb.flags) & UnitSummary::kTitle) {
      // A title weighs nothing either way, but a name token of the other side spelt like it
      // is that title written differently (KARI / QARI, SHAYX / SHAYKH, MIULAWI / MAULAWI):
      // paired, that token costs no missing-name penalty. Only lone tokens, no particle, no
      // initial, never two titles.
      const uint8_t either = sa.flags | sb.flags;
      const bool both = (sa.flags & sb.flags & UnitSummary::kTitle) != 0;
      if (both || sa.count > 1 || sb.count > 1 ||
          (either & (UnitSummary::kParticle | UnitSummary::kInitial)) != 0) {
        return;
      }
      const double bound = internal::SummaryBound(sa, a.units[ia], sb, b.units[ib], o, limits);
      if (bound >= title_floor) keep(ia, ib, bound, false, true, nullptr);
      return;
    }
    // A particle and a unit of the other name (titles went above).
    const UnitSimilarity s = internal::ParticlePair(sa, a.units[ia], sb, b.units[ib], o);
    if (s.score >= o.min_token_similarity) keep(ia, ib, s.score, true, false, s.method);
  };
  for (ia = 0; ia < a.units.size(); ++ia) {
    const UnitSummary& sa = a.summaries[ia];
    if (!(sa.flags & UnitSummary::kPairable)) continue;
    query_unit = &sa;
    const size_t b_end = sa.count > 1 ? std::min(b.tokens.size(), b.summaries.size())
                                      : b.summaries.size();
    uint64_t visit = sa.count > 1 ? b_single : b_pairable;
    if (b_end < 64) visit &= (uint64_t{1} << b_end) - 1;
    visit &= ~rejected[ia];
    for (; visit != 0; visit &= visit - 1) consider(std::countr_zero(visit));
    for (size_t ib = internal::kRejectMatrixWidth; ib < b_end; ++ib) {
      const UnitSummary& sb = b.summaries[ib];
      if ((sb.flags & UnitSummary::kPairable) && (sa.count == 1 || sb.count == 1)) consider(ib);
    }
  }
  const std::span<const double> ba(best_a.data(), n_a);
  const std::span<const double> bb(best_b.data(), n_b);
  if (floor > 0 && !MayReach(ba, bb, a, b, pen_a, pen_b, floor)) {
    return 0;
  }

  // Candidate pairs of units, grouped by the first query token they cover, best first. The
  // edge lists keep their capacity between calls: screening compares one query with many names.
  thread_local std::vector<std::vector<Edge>> by_token;
  if (by_token.size() < n_a) by_token.resize(n_a);
  for (size_t k = 0; k < n_a; ++k) by_token[k].clear();
  if (floor > 0) {
    std::fill_n(best_a.begin(), n_a, 0.0);
    std::fill_n(best_b.begin(), n_b, 0.0);
  }
  for (const Pending& p : pending) {
    const PreparedUnit& ua = a.units[p.unit_a];
    const PreparedUnit& ub = b.units[p.unit_b];
    UnitSimilarity s{p.sim, p.method};
    if (!p.exact && ua.text() == ub.text()) {
      // TokenSimilarity's first rule, without the memo's hashing: most pairs that get here
      // are the same token on both sides.
      s = {1.0, ua.count > 1 || ub.count > 1 ? "joined" : "exact"};
    } else if (!p.exact) {
      const bool a_initial = a.summaries[p.unit_a].flags & UnitSummary::kInitial;
      const bool b_initial = b.summaries[p.unit_b].flags & UnitSummary::kInitial;
      s = memo != nullptr ? memo->Get(p.unit_a, ua, a_initial, ub, b_initial, o)
                          : TokenSimilarity(ua, a_initial, ub, b_initial, o);
      if (s.score < (p.title ? title_floor : o.min_token_similarity)) continue;
    }
    if (floor > 0) note_best(ua, ub, s.score);
    by_token[ua.first].push_back({p.unit_a, p.unit_b, SpanMask(ua), SpanMask(ub), s.score,
                                  SpanWeight(a, ua) + SpanWeight(b, ub), s.method});
  }
  // The same test with the similarities themselves spares the search.
  if (floor > 0 && !MayReach(ba, bb, a, b, pen_a, pen_b, floor)) {
    return 0;
  }
  for (size_t k = 0; k < n_a; ++k) {
    std::sort(by_token[k].begin(), by_token[k].end(), [](const Edge& x, const Edge& y) {
      return x.sim * x.weight > y.sim * y.weight;
    });
  }

  Aligner aligner(std::span<const std::vector<Edge>>(by_token.data(), n_a), pen_a, pen_b,
                  o.search_budget);
  aligner.Run();
  if (pairs != nullptr) {
    for (const Edge* e : aligner.best()) {
      pairs->push_back({static_cast<uint16_t>(e->unit_a), static_cast<uint16_t>(e->unit_b),
                        e->sim, e->method});
    }
  }
  return aligner.best_score();
}

}  // namespace

CompareOptions ScreeningCompareOptions() {
  CompareOptions o;
  o.spelling_only_discount = 0.05;
  // Agreeing phonetic keys lift a spelling score less than for `paxscreen compare`: on the
  // harness (UN+OFAC) this halves false alarms at 0.80-0.88 for < 0.1 point of recall, since
  // one-letter-apart namesakes (FANG / WANG, ZAYED / SAYED) agree on a key as often as variants.
  o.phonetic_floor = 0.3;
  return o;
}

double ComparePreparedScore(const PreparedName& a, const PreparedName& b,
                            const CompareOptions& o, double floor, SimilarityMemo* memo,
                            std::vector<AlignedPair>* pairs) {
  const double score = std::clamp(Align(a, b, o, floor, memo, pairs), 0.0, 1.0);
  if (pairs != nullptr && score < floor) pairs->clear();
  return score;
}

NameComparison ComparePrepared(const PreparedName& a, const PreparedName& b,
                               const CompareOptions& o, SimilarityMemo* memo) {
  std::vector<AlignedPair> pairs;
  const double score = Align(a, b, o, 0.0, memo, &pairs);
  return ExplainAlignment(a, b, std::clamp(score, 0.0, 1.0), pairs, o);
}

NameComparison ExplainAlignment(const PreparedName& a, const PreparedName& b, double score,
                                const std::vector<AlignedPair>& pairs, const CompareOptions& o) {
  NameComparison out;
  uint64_t cov_a = 0;
  uint64_t cov_b = 0;
  for (const AlignedPair& p : pairs) {
    const PreparedUnit& ua = a.units[p.unit_a];
    const PreparedUnit& ub = b.units[p.unit_b];
    out.pairs.push_back(
        {std::string(ua.text()), std::string(ub.text()), p.similarity, p.method});
    cov_a |= SpanMask(ua);
    cov_b |= SpanMask(ub);
  }
  // Each side's unpaired tokens: titles weigh nothing and are ignored (a title paired with a name
  // token spelt like it, KARI / QARI, is in the pairs), the others are unmatched.
  for (const auto& [n, cov, unmatched] : {std::tuple{&a, cov_a, &out.unmatched_query},
                                         std::tuple{&b, cov_b, &out.unmatched_candidate}}) {
    for (size_t k = 0; k < n->tokens.size(); ++k) {
      if (k < kMaxAligned && (cov >> k & 1)) continue;
      if (n->tokens[k].weight > 0) {
        unmatched->emplace_back(n->units[k].text());
      } else if (n->tokens[k].kind == TokenKind::kTitle) {
        out.ignored.emplace_back(n->units[k].text());
      }
    }
  }
  out.score = score;
  out.match = out.score >= o.match_threshold && !out.pairs.empty();

  out.explanation = absl::StrFormat("score %.3f %s threshold %.2f: %d pair(s)", out.score,
                                    out.score >= o.match_threshold ? ">=" : "<",
                                    o.match_threshold, static_cast<int>(out.pairs.size()));
  if (!out.unmatched_query.empty()) {
    absl::StrAppend(&out.explanation, "; unpaired in first: ",
                    absl::StrJoin(out.unmatched_query, " "));
  }
  if (!out.unmatched_candidate.empty()) {
    absl::StrAppend(&out.explanation, "; unpaired in second: ",
                    absl::StrJoin(out.unmatched_candidate, " "));
  }
  if (!out.ignored.empty()) {
    absl::StrAppend(&out.explanation, "; titles ignored: ", absl::StrJoin(out.ignored, " "));
  }
  return out;
}

NameComparison CompareNames(const normalize::NormalizedName& a, const normalize::NormalizedName& b,
                            const CompareOptions& options) {
  return ComparePrepared(PrepareName(a, options), PrepareName(b, options), options);
}

absl::StatusOr<NameComparison> CompareNameStrings(std::string_view a, std::string_view b,
                                                  const CompareOptions& options) {
  auto na = normalize::NormalizeName(a);
  if (!na.ok()) {
    return absl::Status(na.status().code(), absl::StrCat("first name: ", na.status().message()));
  }
  auto nb = normalize::NormalizeName(b);
  if (!nb.ok()) {
    return absl::Status(nb.status().code(), absl::StrCat("second name: ", nb.status().message()));
  }
  return CompareNames(*na, *nb, options);
}

}  // namespace paxscreen::compare
