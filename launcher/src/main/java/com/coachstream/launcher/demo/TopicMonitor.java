package com.coachstream.launcher.demo;

import com.coachstream.avro.AlertType;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the output topics for the demo's summary lines: committed alerts (decoded), window updates and
 * dead letters (counted). Reads committed data only, as a data team's consumer would.
 */
public final class TopicMonitor implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TopicMonitor.class);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Topics topics;
  private final Thread thread;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<CoachingAlert> alerts = new ArrayList<>();
  private final AtomicLong windowUpdates = new AtomicLong();
  private final AtomicLong deadLetters = new AtomicLong();
  private final AtomicReference<Instant> firstAlertSeen = new AtomicReference<>();

  public TopicMonitor(Properties clientProps, Topics topics) {
    Properties props = new Properties();
    props.putAll(clientProps);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "coachstream-demo-monitor-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.topics = topics;
    consumer.subscribe(List.of(topics.alerts().name(), topics.skillScores().name(), topics.deadLetter().name()));
    this.thread = new Thread(this::run, "demo-monitor");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      while (running.get()) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          count(record);
        }
      }
    } catch (WakeupException stopping) {
      // close() woke the poll up
    } catch (RuntimeException e) {
      log.warn("Demo monitor stopped: {}", e.toString());
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
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
    running.set(false);
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
