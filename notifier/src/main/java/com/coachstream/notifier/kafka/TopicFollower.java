package com.coachstream.notifier.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every partition of one topic, outside any consumer group, read from a start position and then followed
 * on a thread of its own, each record handed to {@code apply}; {@link #isCaughtUp()} once the records
 * present at start are read. The roster and the recent actions are held this way by every notifier instance.
 */
final class TopicFollower implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);

  /** Where reading starts in each partition. */
  interface StartPosition {
    void seek(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions);
  }

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final String topic;
  private final StartPosition start;
  private final Consumer<ConsumerRecord<byte[], byte[]>> apply;
  private final Runnable onCaughtUp;
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean running = true;

  TopicFollower(Properties clientProperties, String topic, String threadName, StartPosition start,
      Consumer<ConsumerRecord<byte[], byte[]>> apply, Runnable onCaughtUp) {
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.topic = topic;
    this.start = start;
    this.apply = apply;
    this.onCaughtUp = onCaughtUp;
    this.thread = new Thread(this::run, threadName);
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  boolean isCaughtUp() {
    return caughtUp.getCount() == 0;
  }

  boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  boolean isAlive() {
    return thread.isAlive() || !running;
  }

  private void run() {
    try {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      start.seek(consumer, partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (running) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          apply.accept(record);
        }
        if (caughtUp.getCount() > 0 && end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
          onCaughtUp.run();
          caughtUp.countDown();
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      log.error("Reader of {} stopped: {}", topic, e.toString());
    } finally {
      consumer.close();
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(10_000);
  }
}
