package com.coachstream.producer.simulate;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows topics from their beginning on a daemon thread and hands every committed record to a handler, as a
 * watcher in the demo or the simulated supervisors do: read_committed, a group of its own (nothing shared with
 * another watcher), stopped by {@link #close()}. A failing handler stops the follower with a warning.
 */
public final class TopicFollower implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Consumer<ConsumerRecord<byte[], byte[]>> handler;
  private final Thread thread;
  private final AtomicBoolean running = new AtomicBoolean(true);

  public TopicFollower(String name, Properties clientProps, List<String> topics,
      Consumer<ConsumerRecord<byte[], byte[]>> handler) {
    Properties props = new Properties();
    props.putAll(clientProps);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "coachstream-" + name + "-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.handler = handler;
    consumer.subscribe(topics);
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      while (running.get()) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          handler.accept(record);
        }
      }
    } catch (WakeupException stopping) {
      // close() woke the poll up
    } catch (RuntimeException e) {
      log.warn("{} stopped: {}", thread.getName(), e.toString());
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
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
