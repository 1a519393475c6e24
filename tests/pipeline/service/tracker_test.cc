#include "pipeline/service/partition_tracker.h"

#include <catch2/catch.hpp>

namespace paxscreen::service {
namespace {

std::shared_ptr<RecordSlot> Slot(const std::string& topic, int p, int64_t offset) {
  auto s = std::make_shared<RecordSlot>();
  s->tp = {topic, p};
  s->offset = offset;
  return s;
}

TEST_CASE("only contiguous done prefixes drain, in offset order per partition", "[tracker]") {
  PartitionTracker t;
  std::vector<std::shared_ptr<RecordSlot>> a, b;
  for (int i = 0; i < 5; ++i) a.push_back(Slot("in", 0, 10 + i));
  for (int i = 0; i < 3; ++i) b.push_back(Slot("in", 1, 100 + i));
  for (auto& s : a) t.Track(s);
  for (auto& s : b) t.Track(s);
  CHECK(t.in_flight() == 8);

  // Workers finish out of order: partition 0 offsets 11 and 13, partition 1 offset 100.
  a[1]->done = true;
  a[3]->done = true;
  b[0]->done = true;
  std::vector<int64_t> drained;
  t.DrainCompleted([&](RecordSlot& s) { drained.push_back(s.offset); });
  CHECK(drained == std::vector<int64_t>{100});  // partition 0 waits for offset 10
  auto pending = t.PendingCommits();
  REQUIRE(pending.size() == 1);
  CHECK(pending[0] == kafka::TopicPartitionOffset{"in", 1, 101});

  a[0]->done = true;
  drained.clear();
  t.DrainCompleted([&](RecordSlot& s) { drained.push_back(s.offset); });
  CHECK(drained == std::vector<int64_t>{10, 11});  // 12 not done: 13 stays
  t.MarkCommitted(t.PendingCommits());
  CHECK(t.PendingCommits().empty());
  CHECK(t.ProcessedNext({"in", 0}) == 12);
  CHECK(t.in_flight() == 5);
}

TEST_CASE("rewind returns to the committed offsets and drops in-flight records", "[tracker]") {
  PartitionTracker t;
  auto s0 = Slot("in", 0, 7), s1 = Slot("in", 0, 8), s2 = Slot("in", 0, 9);
  t.Track(s0);
  t.Track(s1);
  t.Track(s2);
  s0->done = true;
  t.DrainCompleted([](RecordSlot&) {});
  t.MarkCommitted(t.PendingCommits());  // committed next = 8
  s1->done = true;
  t.DrainCompleted([](RecordSlot&) {});  // processed next = 9, not committed
  auto positions = t.RewindPositions();
  REQUIRE(positions.size() == 1);
  CHECK(positions[0].offset == 8);
  t.Rewind();
  CHECK(t.in_flight() == 0);
  CHECK(t.PendingCommits().empty());
  CHECK(t.ProcessedNext({"in", 0}) == 8);
  // The re-read starts at 8 again and is tracked normally.
  auto again = Slot("in", 0, 8);
  t.Track(again);
  again->done = true;
  t.DrainCompleted([](RecordSlot&) {});
  CHECK(t.PendingCommits()[0].offset == 9);
}

TEST_CASE("a partition with no commit starts from its first polled offset", "[tracker]") {
  PartitionTracker t;
  t.Track(Slot("in", 3, 42));
  auto positions = t.RewindPositions();
  REQUIRE(positions.size() == 1);
  CHECK(positions[0].offset == 42);
  t.Clear();
  CHECK(t.RewindPositions().empty());
}

}  // namespace
}  // namespace paxscreen::service
