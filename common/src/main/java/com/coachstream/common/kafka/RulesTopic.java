package com.coachstream.common.kafka;

import com.coachstream.avro.RuleSet;
import com.coachstream.schemas.topics.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The rules topic as the command line and the workspace see it: every key's newest rule set (read from the
 * beginning to the current end), and a new version written. The streams processor checks each rule set
 * again when it reads it, so a writer that skipped the check cannot break the rules in force.
 */
public final class RulesTopic {

  private final Properties clientProperties;
  private final Topic<String, RuleSet> topic;
  private final Duration timeout;

  public RulesTopic(Properties clientProperties, Topic<String, RuleSet> topic, Duration timeout) {
    this.clientProperties = clientProperties;
    this.topic = topic;
    this.timeout = timeout;
  }

  /**
   * The newest record of each key, by teamId ({@code *} first); a removed key (tombstone) is absent. Throws
   * {@link IllegalStateException} when the topic cannot be read to its end within the timeout.
   */
  public Map<String, RuleSet> newest() {
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    Map<String, RuleSet> newest = new TreeMap<>();
    try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), timeout).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      if (partitions.isEmpty()) {
        throw new IllegalStateException("The rules topic " + topic.name() + " does not exist; create it with `coachstream topics create`");
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Could not read the rules topic " + topic.name() + " within " + timeout);
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          String key = topic.keySerde().deserializer().deserialize(record.topic(), record.key());
          if (record.value() == null) {
            newest.remove(key);
          } else {
            newest.put(key, topic.valueSerde().deserializer().deserialize(record.topic(), record.value()));
          }
        }
      }
    } catch (org.apache.kafka.common.KafkaException e) {
      throw new IllegalStateException("Could not read the rules topic " + topic.name() + ": " + e.getMessage(), e);
    }
    return newest;
  }

  /** Writes {@code rules} under its teamId and waits for the broker to take it. */
  public void write(RuleSet rules) {
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    try (var producer = new KafkaProducer<>(props, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(topic.name(), rules.getTeamId(), rules)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
      throw new IllegalStateException("Could not write to the rules topic " + topic.name() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while writing to the rules topic " + topic.name(), e);
    }
  }
}
