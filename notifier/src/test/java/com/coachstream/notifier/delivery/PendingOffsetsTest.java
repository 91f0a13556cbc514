package com.coachstream.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PendingOffsetsTest {

  private final PendingOffsets pending = new PendingOffsets();

  @Test
  void nothingToCommitUntilTheFirstOffsetIsSettled() {
    CompletableFuture<Void> first = new CompletableFuture<>();
    pending.add(0, 10, first);
    pending.add(0, 11, CompletableFuture.completedFuture(null));
    assertThat(pending.takeCommittable(0)).isEmpty();
    first.complete(null);
    assertThat(pending.takeCommittable(0)).hasValue(12);
    assertThat(pending.takeCommittable(0)).isEmpty();
    assertThat(pending.size()).isZero();
  }

  @Test
  void aSlowDeliveryHoldsBackOnlyTheOffsetsAfterIt() {
    CompletableFuture<Void> slow = new CompletableFuture<>();
    pending.add(0, 1, CompletableFuture.completedFuture(null));
    pending.add(0, 2, slow);
    pending.add(0, 3, CompletableFuture.completedFuture(null));
    pending.add(1, 7, CompletableFuture.completedFuture(null));
    assertThat(pending.takeCommittable(0)).hasValue(2);
    assertThat(pending.takeCommittable(1)).hasValue(8);
    slow.complete(null);
    assertThat(pending.takeCommittable(0)).hasValue(4);
  }

  @Test
  void aDeliveryThatCouldNotBeRecordedBlocksItsPartition() {
    pending.add(0, 5, CompletableFuture.failedFuture(new IllegalStateException("broker down")));
    pending.add(0, 6, CompletableFuture.completedFuture(null));
    assertThat(pending.takeCommittable(0)).isEmpty();
  }

  @Test
  void unknownPartitionHasNothing() {
    assertThat(pending.takeCommittable(3)).isEmpty();
  }

  @Test
  void allOfWaitsForTheGivenPartitionsOnly() {
    CompletableFuture<Void> other = new CompletableFuture<>();
    pending.add(0, 1, CompletableFuture.completedFuture(null));
    pending.add(1, 1, other);
    assertThat(pending.allOf(List.of(0))).isDone();
    assertThat(pending.allOf(List.of(0, 1))).isNotDone();
    pending.remove(1);
    assertThat(pending.size()).isEqualTo(1);
  }
}
