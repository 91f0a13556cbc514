package com.coachstream.notifier.kafka;

import com.coachstream.avro.AgentProfile;
import com.coachstream.schemas.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
  private final Topic<String, AgentProfile> topic;
  private final TopicFollower follower;

  public RosterCache(Properties clientProperties, Topic<String, AgentProfile> topic) {
    this.topic = topic;
    this.follower = new TopicFollower(clientProperties, topic.name(), "notifier-roster",
        KafkaConsumer::seekToBeginning, this::apply,
        () -> log.info("Roster loaded from {}: {} agents", topic.name(), agents.size()));
  }

  public RosterCache start() {
    follower.start();
    return this;
  }

  public AgentProfile find(String agentId) {
    return agents.get(agentId);
  }

  public int size() {
    return agents.size();
  }

  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return follower.awaitCaughtUp(timeout);
  }

  public boolean isCaughtUp() {
    return follower.isCaughtUp();
  }

  private void apply(ConsumerRecord<byte[], byte[]> record) {
    if (record.key() == null) {
      return;
    }
    String agentId = new String(record.key(), StandardCharsets.UTF_8);
    if (record.value() == null) {
      agents.remove(agentId);
      return;
    }
    try {
      agents.put(agentId, topic.valueSerde().deserializer().deserialize(topic.name(), record.value()));
    } catch (RuntimeException e) {
      // The roster topic is validated upstream; an unreadable entry keeps the last good one.
      log.warn("Unreadable roster record {}-{}@{} for agent {}: {}", record.topic(), record.partition(), record.offset(),
          agentId, e.getMessage());
    }
  }

  public boolean isAlive() {
    return follower.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    follower.close();
  }
}
