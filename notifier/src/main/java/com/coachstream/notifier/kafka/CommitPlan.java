package com.coachstream.notifier.kafka;

import com.coachstream.notifier.delivery.PendingOffsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What the alert consumer commits next: per partition the offset after the settled prefix
 * ({@link PendingOffsets}) with the reminder checkpoint as its metadata. A partition is committed when either
 * moved since its last commit: a new checkpoint alone is worth a commit, it shortens the read after a restart.
 */
final class CommitPlan {

  /** The checkpoint metadata of a partition whose committed offset would be {@code offset}. */
  interface Checkpoint {
    String of(int partition, long offset);
  }

  private final Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();

  /** The group's committed offset of a newly assigned partition, as read from Kafka. */
  void assigned(TopicPartition partition, OffsetAndMetadata offset) {
    committed.put(partition, offset);
  }

  /** The offsets to commit now; they count as committed from here on. */
  Map<TopicPartition, OffsetAndMetadata> next(Collection<TopicPartition> assignment, PendingOffsets pending, Checkpoint checkpoint) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition tp : assignment) {
      OffsetAndMetadata last = committed.get(tp);
      OptionalLong settledUpTo = pending.takeCommittable(tp.partition());
      if (settledUpTo.isEmpty() && last == null) {
        continue;
      }
      long next = settledUpTo.isPresent() ? settledUpTo.getAsLong() : last.offset();
      OffsetAndMetadata offset = new OffsetAndMetadata(next, checkpoint.of(tp.partition(), next));
      if (last == null || last.offset() != offset.offset() || !last.metadata().equals(offset.metadata())) {
        offsets.put(tp, offset);
      }
    }
    committed.putAll(offsets);
    return offsets;
  }

  void forget(Collection<TopicPartition> partitions) {
    partitions.forEach(committed::remove);
  }
}
