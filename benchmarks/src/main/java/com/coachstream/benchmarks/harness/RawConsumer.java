package com.coachstream.benchmarks.harness;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The physical read limit: one plain consumer reading every partition of the input topics from the start,
 * bytes only, {@code read_committed} like the exactly-once streams processor.
 */
public final class RawConsumer {

  private RawConsumer() { }

  /** What a read did: records, bytes and seconds. */
  public record Read(long records, long bytes, double seconds) {
    public double recordsPerSecond() {
      return records / seconds;
    }
  }

  public static Read readAll(Cluster cluster, Collection<String> topics, long expected) {
    Properties props = cluster.clientProperties();
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<TopicPartition> partitions = cluster.partitions(topics);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long records = 0;
      long bytes = 0;
      long began = System.nanoTime();
      long deadline = began + Duration.ofMinutes(10).toNanos();
      while (records < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          records++;
          bytes += r.serializedKeySize() + r.serializedValueSize();
        }
      }
      return new Read(records, bytes, (System.nanoTime() - began) / 1e9);
    }
  }
}
