package com.coachstream.streams;

import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.schemas.topics.Topic;
import com.coachstream.schemas.topics.TopicNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What the streams processor's integration tests share: every CoachStream topic under a prefix of the test's
 * own, and the settings of an instance on the test broker. Each test adds what it is about (users, intervals).
 */
public final class StreamsTestInstances {

  private StreamsTestInstances() { }

  /** Creates every CoachStream topic under {@code prefix} with {@code partitions} partitions each. */
  public static TopicNames createTopics(KafkaTestBroker broker, String prefix, int partitions) {
    TopicNames names = TopicNames.DEFAULTS.withPrefix(broker.uniqueName(prefix) + ".");
    Map<String, Integer> counts = new HashMap<>();
    names.asMap().values().forEach(n -> counts.put(n, partitions));
    broker.createTopics(counts);
    return names;
  }

  /**
   * An instance over {@code names}: the broker (its client settings as {@code kafka.*}), the application id and
   * state directory, HTTP on a free loopback port.
   */
  public static Map<String, String> settings(KafkaTestBroker broker, TopicNames names, String applicationId,
      Path stateDir) {
    Map<String, String> map = new HashMap<>(names.asMap());
    map.put("bootstrap.servers", broker.bootstrapServers());
    map.put("application-id", applicationId);
    map.put("http.host", "127.0.0.1");
    map.put("http.port", "0");
    map.put("state.dir", stateDir.toString());
    broker.clientProperties().forEach((k, v) -> {
      if (!k.equals("bootstrap.servers")) {
        map.put("kafka." + k, v.toString());
      }
    });
    return map;
  }

  /** An idempotent producer with {@code acks=all} for the test's input. */
  public static KafkaProducer<byte[], byte[]> producer(KafkaTestBroker broker) {
    Properties props = broker.clientProperties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Sends {@code value} to {@code topic} keyed by the agent id, as the producer library does. */
  public static <V> void send(KafkaProducer<byte[], byte[]> producer, Topic<String, V> topic, String agent, V value) {
    producer.send(new ProducerRecord<>(topic.name(), agent.getBytes(StandardCharsets.UTF_8),
        topic.valueSerde().serializer().serialize(topic.name(), value)));
  }
}
