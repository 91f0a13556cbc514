package com.coachstream.producer.simulate;

import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.producer.CoachStreamProducer;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated supervisors at work: they read the committed alerts and answer each as
 * {@link SupervisorActions#answer} says (acknowledge, or dismiss a false alarm the ground truth knows of),
 * through the producer library. (Their planned coaching sessions are part of the simulated history.)
 */
public final class SimulatedSupervisors implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SimulatedSupervisors.class);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final CoachStreamProducer producer;
  private final GroundTruth truth;
  private final Thread thread;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong answered = new AtomicLong();

  public SimulatedSupervisors(Properties clientProps, CoachStreamProducer producer, GroundTruth truth) {
    Properties props = new Properties();
    props.putAll(clientProps);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "coachstream-simulated-supervisors-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.producer = producer;
    this.truth = truth;
    consumer.subscribe(List.of(producer.topics().alerts().name()));
    this.thread = new Thread(this::run, "simulated-supervisors");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      while (running.get()) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          CoachingAlert alert = producer.topics().alerts().valueSerde().deserializer()
              .deserialize(record.topic(), record.value());
          CoachingAction action = alert == null ? null : SupervisorActions.answer(alert, truth);
          if (action != null) {
            producer.sendAction(action);
            answered.incrementAndGet();
          }
        }
      }
    } catch (WakeupException stopping) {
      // close() woke the poll up
    } catch (RuntimeException e) {
      log.warn("Simulated supervisors stopped: {}", e.toString());
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** Alerts answered so far. */
  public long answered() {
    return answered.get();
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
