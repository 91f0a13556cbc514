package com.coachstream.notifier.kafka;

import com.coachstream.avro.AgentProfile;
import com.coachstream.schemas.topics.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The roster ({@code cc.agents.v1}, compacted) held in memory: every partition read from the beginning,
 * then followed, so every notifier instance knows every agent. A tombstone removes the agent.
 * {@link #awaitCaughtUp} lets the service wait until the roster read at start-up is complete, so the
 * first alerts already find their agents.
 */
public final class RosterCache implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RosterCache.class);

  private final Map<String, AgentProfile> agents = new ConcurrentHashMap<>();
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private final KafkaConsumer<String, byte[]> consumer;
  private final Topic<String, AgentProfile> topic;
  private final Thread thread;
  private volatile boolean running = true;

  public RosterCache(Properties clientProperties, Topic<String, AgentProfile> topic) {
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    this.topic = topic;
    this.thread = new Thread(this::run, "notifier-roster");
    this.thread.setDaemon(true);
  }

  public RosterCache start() {
    thread.start();
    return this;
  }

  public AgentProfile find(String agentId) {
    return agents.get(agentId);
  }

  public int size() {
    return agents.size();
  }

  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public boolean isCaughtUp() {
    return caughtUp.getCount() == 0;
  }

  private void run() {
    try {
      List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          apply(record);
        }
        if (caughtUp.getCount() > 0 && end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
          log.info("Roster loaded from {}: {} agents", topic.name(), agents.size());
          caughtUp.countDown();
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      log.error("Roster reader stopped: {}", e.toString());
    } finally {
      consumer.close();
    }
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      agents.remove(record.key());
      return;
    }
    try {
      agents.put(record.key(), topic.valueSerde().deserializer().deserialize(topic.name(), record.value()));
    } catch (RuntimeException e) {
      // The roster topic is validated upstream; an unreadable entry keeps the last good one.
      log.warn("Unreadable roster record {}-{}@{} for agent {}: {}", record.topic(), record.partition(), record.offset(),
          record.key(), e.getMessage());
    }
  }

  public boolean isAlive() {
    return thread.isAlive() || !running;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(10_000);
  }
}
