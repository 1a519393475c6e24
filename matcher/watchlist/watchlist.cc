#include "matcher/watchlist/watchlist.h"

#include <utility>

#include "matcher/watchlist/countries.h"

namespace paxscreen::watchlist {

std::string ImportIssue::ToString() const {
  std::string out = where;
  if (!field.empty()) out += " field '" + field + "'";
  out += ": " + message;
  out += severity == Severity::kSkippedEntry ? " (entry skipped)" : " (value dropped)";
  return out;
}

size_t ImportResult::skipped_entries() const {
  size_t n = 0;
  for (const auto& i : issues) n += i.severity == ImportIssue::Severity::kSkippedEntry;
  return n;
}

size_t ImportResult::dropped_fields() const { return issues.size() - skipped_entries(); }

void ImportResult::Skip(std::string where, std::string field, std::string message) {
  issues.push_back({ImportIssue::Severity::kSkippedEntry, std::move(where), std::move(field),
                    std::move(message)});
}

void ImportResult::Drop(std::string where, std::string field, std::string message) {
  issues.push_back({ImportIssue::Severity::kDroppedField, std::move(where), std::move(field),
                    std::move(message)});
}

bool Watchlist::Apply(model::WatchlistEntry entry) {
  auto it = by_id_.find(entry.entry_id);
  const bool existed = it != by_id_.end();
  if (entry.op == model::EntryOp::kDelete) {
    if (!existed) return false;
    const size_t pos = it->second;
    by_id_.erase(it);
    if (pos + 1 != entries_.size()) {
      entries_[pos] = std::move(entries_.back());
      by_id_[entries_[pos].entry_id] = pos;
    }
    entries_.pop_back();
    return true;
  }
  if (existed) {
    entries_[it->second] = std::move(entry);
  } else {
    by_id_.emplace(entry.entry_id, entries_.size());
    entries_.push_back(std::move(entry));
  }
  return existed;
}

void Watchlist::Merge(const ImportResult& result) {
  for (const auto& e : result.entries) Apply(e);
}

const model::WatchlistEntry* Watchlist::Find(std::string_view entry_id) const {
  auto it = by_id_.find(std::string(entry_id));
  return it == by_id_.end() ? nullptr : &entries_[it->second];
}

WatchlistStats ComputeStats(const std::vector<model::WatchlistEntry>& entries) {
  WatchlistStats s;
  for (const auto& e : entries) {
    if (e.op == model::EntryOp::kDelete) {
      ++s.deletes;
      continue;
    }
    ++s.entries;
    ++s.categories[e.category.empty() ? "(none)" : e.category];
    ++s.lists[e.list.empty() ? "(none)" : e.list];
    for (const auto& n : e.names) {
      ++s.names;
      switch (n.kind) {
        case model::NameKind::kPrimary: ++s.primary; break;
        case model::NameKind::kAlias: ++s.alias; break;
        case model::NameKind::kWeakAlias: ++s.weak_alias; break;
      }
      ++s.scripts[n.script.empty() ? "(none)" : n.script];
    }
    s.entries_with_dob += !e.dates_of_birth.empty();
    for (const auto& d : e.dates_of_birth) {
      ++s.dates_of_birth;
      if (d.year_to > d.year) {
        ++s.dob_range;
      } else if (d.day != 0) {
        ++s.dob_exact;
      } else if (d.month != 0) {
        ++s.dob_year_month;
      } else {
        ++s.dob_year;
      }
      s.dob_approximate += d.approximate;
    }
    for (const auto& d : e.documents) {
      ++s.documents;
      ++s.document_types[d.type.empty() ? "(none)" : d.type];
    }
    for (const auto& n : e.nationalities) {
      ++s.nationalities;
      if (IsKnownAlpha3(n)) {
        ++s.nationalities_mapped;
      } else {
        ++s.nationalities_unmapped;
        ++s.unmapped_nationalities[n];
      }
    }
    s.with_sex += !e.sex.empty();
  }
  return s;
}

std::string_view NameKindName(model::NameKind kind) {
  switch (kind) {
    case model::NameKind::kPrimary: return "primary";
    case model::NameKind::kAlias: return "alias";
    case model::NameKind::kWeakAlias: return "weak_alias";
  }
  return "primary";
}

bool ParseNameKind(std::string_view s, model::NameKind* kind) {
  if (s == "primary") {
    *kind = model::NameKind::kPrimary;
  } else if (s == "alias") {
    *kind = model::NameKind::kAlias;
  } else if (s == "weak_alias") {
    *kind = model::NameKind::kWeakAlias;
  } else {
    return false;
  }
  return true;
}

}  // namespace paxscreen::watchlist
