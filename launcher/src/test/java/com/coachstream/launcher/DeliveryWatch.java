package com.coachstream.launcher;

import com.coachstream.avro.DeliveryOutcome;
import com.coachstream.avro.NotificationDelivery;
import com.coachstream.producer.simulate.TopicFollower;
import com.coachstream.schemas.topics.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads the notifier's delivery ledger (the deliveries topic) as it grows: how often each alert was recorded
 * {@code DELIVERED}, and the errors of its attempts recorded {@code RETRYING}. Reminders are left out.
 */
final class DeliveryWatch implements AutoCloseable {

  private final Topics topics;
  private final TopicFollower follower;
  private final Map<String, Integer> delivered = new HashMap<>();
  private final Map<String, List<String>> retries = new HashMap<>();

  DeliveryWatch(Properties clientProps, Topics topics) {
    this.topics = topics;
    this.follower = new TopicFollower("e2e-deliveries", clientProps, List.of(topics.deliveries().name()), this::add);
  }

  private void add(ConsumerRecord<byte[], byte[]> record) {
    NotificationDelivery delivery = topics.deliveries().valueSerde().deserializer().deserialize(record.topic(), record.value());
    if (delivery.getReminder()) {
      return;
    }
    synchronized (this) {
      if (delivery.getOutcome() == DeliveryOutcome.DELIVERED) {
        delivered.merge(delivery.getAlertId(), 1, Integer::sum);
      } else if (delivery.getOutcome() == DeliveryOutcome.RETRYING) {
        retries.computeIfAbsent(delivery.getAlertId(), id -> new ArrayList<>())
            .add("attempt " + delivery.getAttempt() + ": " + delivery.getError());
      }
    }
  }

  /** Alert id → how many {@code DELIVERED} records it has. */
  synchronized Map<String, Integer> delivered() {
    return Map.copyOf(delivered);
  }

  /** The failed attempts recorded for the alert, oldest first. */
  synchronized List<String> retries(String alertId) {
    return List.copyOf(retries.getOrDefault(alertId, List.of()));
  }

  @Override
  public void close() {
    follower.close();
  }
}
