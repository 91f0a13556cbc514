package com.coachstream.notifier.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the committed alerts of one partition between two offsets again, outside the consumer group: the
 * alerts already delivered whose reminders may still be due after a restart or a rebalance.
 */
final class AlertRangeReader {

  private final Properties clientProperties;
  private final Duration timeout;

  AlertRangeReader(Properties clientProperties, Duration timeout) {
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    // alerts deleted by retention meanwhile: start from the oldest left
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    this.clientProperties = props;
    this.timeout = timeout;
  }

  /** The records of {@code partition} at offsets {@code [from, to)}. */
  List<ConsumerRecord<byte[], byte[]>> read(TopicPartition partition, long from, long to) {
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (var consumer = new KafkaConsumer<>(clientProperties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seek(partition, from);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (consumer.position(partition, timeout) < to) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Could not read alerts " + partition + " from offset " + from + " within " + timeout);
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.offset() < to) {
            records.add(record);
          }
        }
      }
    }
    return records;
  }
}
