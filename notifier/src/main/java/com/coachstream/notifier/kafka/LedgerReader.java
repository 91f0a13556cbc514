package com.coachstream.notifier.kafka;

import com.coachstream.avro.DeliveryOutcome;
import com.coachstream.avro.NotificationDelivery;
import com.coachstream.notifier.delivery.DeliveryLedger;
import com.coachstream.schemas.topics.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads partitions of the deliveries topic from the beginning to their current end and returns the
 * settled (alert, route) pairs: DELIVERED, FAILED (dead-lettered) and DUPLICATE_SKIPPED records. RETRYING
 * records settle nothing: the delivery they belong to may have been cut short by a crash. Reminder records
 * settle the reminder of their route ({@link DeliveryLedger#reminderKey}). It also gives, for alerts first
 * attempted since a cutoff, the time of that first attempt: their reminder clock.
 */
public final class LedgerReader {

  private static final Logger log = LoggerFactory.getLogger(LedgerReader.class);

  private final Properties clientProperties;
  private final Topic<String, NotificationDelivery> deliveries;
  private final Duration timeout;

  public LedgerReader(Properties clientProperties, Topic<String, NotificationDelivery> deliveries, Duration timeout) {
    this.clientProperties = clientProperties;
    this.deliveries = deliveries;
    this.timeout = timeout;
  }

  /** One deliveries partition read back: settled keys, and the first attempt of each alert sent since the cutoff. */
  public record State(Set<String> settled, Map<String, Instant> firstSent) { }

  /** Reads the partitions back; {@code sentSince}: keep first-attempt times from then on only (bounded memory). */
  public Map<Integer, State> read(Collection<Integer> partitions, Instant sentSince) {
    Map<Integer, State> settled = new HashMap<>();
    if (partitions.isEmpty()) {
      return settled;
    }
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    List<TopicPartition> tps = new ArrayList<>();
    partitions.forEach(p -> {
      tps.add(new TopicPartition(deliveries.name(), p));
      settled.put(p, new State(new HashSet<>(), new HashMap<>()));
    });
    long started = System.nanoTime();
    try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(tps);
      consumer.seekToBeginning(tps);
      Map<TopicPartition, Long> end = consumer.endOffsets(tps, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!caughtUp(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Could not read the delivery ledger " + deliveries.name() + " within " + timeout);
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          decode(record).ifPresent(d -> apply(d, settled.get(record.partition()), sentSince));
        }
      }
    }
    log.info("Read delivery ledger partitions {} of {}: {} settled deliveries in {} ms", partitions, deliveries.name(),
        settled.values().stream().mapToInt(state -> state.settled().size()).sum(), (System.nanoTime() - started) / 1_000_000);
    return settled;
  }

  private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private static void apply(NotificationDelivery d, State state, Instant sentSince) {
    if (d.getOutcome() != DeliveryOutcome.RETRYING) {
      state.settled().add(d.getReminder() ? DeliveryLedger.reminderKey(d.getAlertId(), d.getRoute())
          : DeliveryLedger.key(d.getAlertId(), d.getRoute()));
    }
    if (!d.getReminder() && d.getOutcome() != DeliveryOutcome.DUPLICATE_SKIPPED && !d.getAttemptedAt().isBefore(sentSince)) {
      state.firstSent().merge(d.getAlertId(), d.getAttemptedAt(), (a, b) -> a.isBefore(b) ? a : b);
    }
  }

  private java.util.Optional<NotificationDelivery> decode(ConsumerRecord<byte[], byte[]> record) {
    if (record.value() == null) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(deliveries.valueSerde().deserializer().deserialize(deliveries.name(), record.value()));
    } catch (RuntimeException e) {
      log.warn("Skipping unreadable delivery record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
      return java.util.Optional.empty();
    }
  }
}
