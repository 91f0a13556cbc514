package com.coachstream.systemtests.support;

import com.coachstream.avro.AgentSkillWindow;
import com.coachstream.avro.AgentWindowKey;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.NotificationDelivery;
import com.coachstream.schemas.deadletter.DeadLetter;
import com.coachstream.schemas.topics.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What one application wrote, as its consumers see it: the latest window per key of the compacted
 * skill-scores topic (a tombstone removes the key), every alert, every dead letter and every delivery
 * record. {@link #update()} reads what was committed since the last call.
 */
public final class PipelineOutputs implements AutoCloseable {

  private final Topics topics;
  private final TopicReader reader;
  private final Map<AgentWindowKey, AgentSkillWindow> windows = new HashMap<>();
  private final List<CoachingAlert> alerts = new ArrayList<>();
  private final List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
  private final List<NotificationDelivery> deliveries = new ArrayList<>();
  private final Consumer<ConsumerRecord<byte[], byte[]>> everyRecord;
  private long windowUpdates;

  /** @param everyRecord sees every record read, raw (e.g. to scan the bytes for what must not be there) */
  public PipelineOutputs(Properties client, Topics topics, Consumer<ConsumerRecord<byte[], byte[]>> everyRecord) {
    this.topics = topics;
    this.everyRecord = everyRecord;
    this.reader = new TopicReader(client, List.of(topics.skillScores().name(), topics.alerts().name(),
        topics.deadLetter().name(), topics.deliveries().name()));
  }

  public PipelineOutputs(Properties client, Topics topics) {
    this(client, topics, record -> { });
  }

  /** Reads what was committed since the last call; returns this. */
  public PipelineOutputs update() {
    for (ConsumerRecord<byte[], byte[]> record : reader.readToEnd()) {
      everyRecord.accept(record);
      String topic = record.topic();
      if (topic.equals(topics.skillScores().name())) {
        windowUpdates++;
        AgentWindowKey key = topics.skillScores().keySerde().deserializer().deserialize(topic, record.key());
        AgentSkillWindow value = topics.skillScores().valueSerde().deserializer().deserialize(topic, record.value());
        if (value == null) {
          windows.remove(key);
        } else {
          windows.put(key, value);
        }
      } else if (topic.equals(topics.alerts().name())) {
        alerts.add(topics.alerts().valueSerde().deserializer().deserialize(topic, record.value()));
      } else if (topic.equals(topics.deadLetter().name())) {
        deadLetters.add(record);
      } else {
        deliveries.add(topics.deliveries().valueSerde().deserializer().deserialize(topic, record.value()));
      }
    }
    return this;
  }

  /** The latest value of every window key (compacted semantics). */
  public Map<AgentWindowKey, AgentSkillWindow> windows() {
    return Map.copyOf(windows);
  }

  public long windowUpdates() {
    return windowUpdates;
  }

  public List<CoachingAlert> alerts() {
    return List.copyOf(alerts);
  }

  /** Alert ids in the order they were read; an id twice here is an alert emitted twice. */
  public List<String> alertIds() {
    return alerts.stream().map(CoachingAlert::getAlertId).toList();
  }

  public List<ConsumerRecord<byte[], byte[]>> deadLetters() {
    return List.copyOf(deadLetters);
  }

  /** Dead letters counted by {@code stage/REASON} (docs/topics.md headers). */
  public Map<String, Long> deadLettersByStageAndReason() {
    Map<String, Long> counts = new TreeMap<>();
    deadLetters.forEach(d -> counts.merge(DeadLetter.header(d.headers(), DeadLetter.STAGE) + "/"
        + DeadLetter.header(d.headers(), DeadLetter.REASON), 1L, Long::sum));
    return counts;
  }

  public List<NotificationDelivery> deliveries() {
    return List.copyOf(deliveries);
  }

  @Override
  public void close() {
    reader.close();
  }
}
