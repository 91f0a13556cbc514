package com.coachstream.notifier.kafka;

import com.coachstream.avro.CoachingAction;
import com.coachstream.notifier.reminder.ActedOn;
import com.coachstream.schemas.topics.Topic;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every partition of the actions topic into {@link ActedOn}, from the actions sent within the
 * reminder window (by record timestamp, the time an action was sent) on, so each notifier instance knows
 * every recent action whichever alert partitions it owns: actions are few, people click them. Reminders wait
 * for {@link #isCaughtUp()}, so a restarted notifier does not remind of an alert acknowledged while it was down.
 * Unreadable actions are skipped here: the streams processor dead-letters them. A note is never read out.
 */
public final class ActionFollower implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ActionFollower.class);

  private final Topic<String, CoachingAction> topic;
  private final ActedOn actedOn;
  private final Clock clock;
  private final TopicFollower follower;

  public ActionFollower(Properties clientProperties, Topic<String, CoachingAction> topic, ActedOn actedOn,
      Duration window, Clock clock) {
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    this.topic = topic;
    this.actedOn = actedOn;
    this.clock = clock;
    this.follower = new TopicFollower(props, topic.name(), "notifier-actions",
        (consumer, partitions) -> seekToWindow(consumer, partitions, window), this::apply,
        () -> log.info("Recent actions read from {}: {} alerts or categories acted on", topic.name(), actedOn.size()));
  }

  public ActionFollower start() {
    follower.start();
    return this;
  }

  public boolean isCaughtUp() {
    return follower.isCaughtUp();
  }

  public boolean isAlive() {
    return follower.isAlive();
  }

  private void seekToWindow(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions, Duration window) {
    long since = clock.instant().minus(window).toEpochMilli();
    Map<TopicPartition, Long> query = new HashMap<>();
    partitions.forEach(tp -> query.put(tp, since));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    partitions.forEach(tp -> {
      OffsetAndTimestamp at = found.get(tp);
      consumer.seek(tp, at == null ? end.get(tp) : at.offset());
    });
  }

  private void apply(ConsumerRecord<byte[], byte[]> record) {
    if (record.value() == null) {
      return;
    }
    try {
      CoachingAction action = topic.valueSerde().deserializer().deserialize(topic.name(), record.value());
      actedOn.record(action.getAlertId(), action.getAgentId(),
          action.getCategory() == null ? null : action.getCategory().name(), action.getAt(), clock.instant());
    } catch (RuntimeException e) {
      log.debug("Skipping unreadable action {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
    }
  }

  @Override
  public void close() throws InterruptedException {
    follower.close();
  }
}
