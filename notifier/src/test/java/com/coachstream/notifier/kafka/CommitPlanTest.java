package com.coachstream.notifier.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.notifier.delivery.PendingOffsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CommitPlanTest {

  private static final TopicPartition P0 = new TopicPartition("alerts", 0);

  private final CommitPlan plan = new CommitPlan();
  private final PendingOffsets pending = new PendingOffsets();

  @Test
  void commitsTheSettledOffsetWithTheCheckpoint() {
    pending.add(0, 7, CompletableFuture.completedFuture(null));
    assertThat(plan.next(List.of(P0), pending, (p, offset) -> "reminders-from=3"))
        .isEqualTo(Map.of(P0, new OffsetAndMetadata(8, "reminders-from=3")));
  }

  @Test
  void aNewCheckpointAloneIsCommittedAndAnUnchangedOneIsNot() {
    plan.assigned(P0, new OffsetAndMetadata(8, "reminders-from=3"));
    assertThat(plan.next(List.of(P0), pending, (p, offset) -> "reminders-from=3")).isEmpty();
    assertThat(plan.next(List.of(P0), pending, (p, offset) -> ""))
        .isEqualTo(Map.of(P0, new OffsetAndMetadata(8, "")));
    assertThat(plan.next(List.of(P0), pending, (p, offset) -> "")).isEmpty();
  }

  @Test
  void aPartitionWithNothingCommittedOrSettledIsLeftAlone() {
    assertThat(plan.next(List.of(P0), pending, (p, offset) -> "")).isEmpty();
    pending.add(0, 0, new CompletableFuture<>());
    assertThat(plan.next(List.of(P0), pending, (p, offset) -> "")).isEmpty();
  }

  @Test
  void aForgottenPartitionStartsOver() {
    plan.assigned(P0, new OffsetAndMetadata(8, ""));
    plan.forget(List.of(P0));
    assertThat(plan.next(List.of(P0), pending, (p, offset) -> "")).isEmpty();
  }
}
