package com.coachstream.systemtests.support;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group (a Kafka Streams application id) has got through its input topics, from the
 * offsets it committed: under exactly-once these are committed with the outputs, so a group with no lag
 * has every output of its input committed.
 */
public final class GroupProgress implements AutoCloseable {

  private final Admin admin;
  private final String group;
  private final Collection<String> topics;

  public GroupProgress(Properties client, String group, Collection<String> topics) {
    this.admin = Admin.create(client);
    this.group = group;
    this.topics = topics;
  }

  /** Records of the input topics the group has committed past. */
  public long committed() {
    return committedOffsets().values().stream().mapToLong(Long::longValue).sum();
  }

  /** Records in the input topics (all of them, from offset 0: inputs here are never deleted). */
  public long total() {
    return endOffsets().values().stream().mapToLong(Long::longValue).sum();
  }

  /** Records not yet committed past. */
  public long lag() {
    Map<TopicPartition, Long> committed = committedOffsets();
    return endOffsets().entrySet().stream()
        .mapToLong(e -> e.getValue() - committed.getOrDefault(e.getKey(), 0L)).sum();
  }

  /** Committed fraction of the input, 0..1. */
  public double fraction() {
    long total = total();
    return total == 0 ? 1 : (double) committed() / total;
  }

  private Map<TopicPartition, Long> committedOffsets() {
    Map<TopicPartition, OffsetAndMetadata> offsets = get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
    Map<TopicPartition, Long> result = new HashMap<>();
    offsets.forEach((partition, offset) -> {
      if (offset != null && topics.contains(partition.topic())) {
        result.put(partition, offset.offset());
      }
    });
    return result;
  }

  private Map<TopicPartition, Long> endOffsets() {
    Set<TopicPartition> partitions = get(admin.describeTopics(topics).allTopicNames()).values().stream()
        .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
        .collect(Collectors.toSet());
    Map<TopicPartition, ListOffsetsResultInfo> ends = get(admin.listOffsets(
        partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all());
    Map<TopicPartition, Long> result = new HashMap<>();
    ends.forEach((partition, info) -> result.put(partition, info.offset()));
    return result;
  }

  private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
    try {
      return future.get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Cannot read offsets: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}
