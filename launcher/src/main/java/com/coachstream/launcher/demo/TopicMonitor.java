package com.coachstream.launcher.demo;

import com.coachstream.avro.AlertType;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.producer.simulate.TopicFollower;
import com.coachstream.schemas.topics.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Watches the output topics for the demo's summary lines: committed alerts (decoded), window updates and
 * dead letters (counted). Reads committed data only, as a data team's consumer would.
 */
public final class TopicMonitor implements AutoCloseable {

  private final Topics topics;
  private final TopicFollower follower;
  private final List<CoachingAlert> alerts = new ArrayList<>();
  private final AtomicLong windowUpdates = new AtomicLong();
  private final AtomicLong deadLetters = new AtomicLong();
  private final AtomicReference<Instant> firstAlertSeen = new AtomicReference<>();

  public TopicMonitor(Properties clientProps, Topics topics) {
    this.topics = topics;
    this.follower = new TopicFollower("demo-monitor", clientProps,
        List.of(topics.alerts().name(), topics.skillScores().name(), topics.deadLetter().name()), this::count);
  }

  private void count(ConsumerRecord<byte[], byte[]> record) {
    if (record.topic().equals(topics.alerts().name())) {
      CoachingAlert alert = topics.alerts().valueSerde().deserializer().deserialize(record.topic(), record.value());
      synchronized (alerts) {
        alerts.add(alert);
      }
      firstAlertSeen.compareAndSet(null, Instant.now());
    } else if (record.topic().equals(topics.skillScores().name())) {
      windowUpdates.incrementAndGet();
    } else {
      deadLetters.incrementAndGet();
    }
  }

  public List<CoachingAlert> alerts() {
    synchronized (alerts) {
      return List.copyOf(alerts);
    }
  }

  public long count(AlertType type) {
    return alerts().stream().filter(a -> a.getType() == type).count();
  }

  /** When the first alert was read (wall time), if one was. */
  public Optional<Instant> firstAlertSeen() {
    return Optional.ofNullable(firstAlertSeen.get());
  }

  public long windowUpdates() {
    return windowUpdates.get();
  }

  public long deadLetters() {
    return deadLetters.get();
  }

  @Override
  public void close() {
    follower.close();
  }
}
