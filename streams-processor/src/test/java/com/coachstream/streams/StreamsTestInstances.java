package com.coachstream.streams;

import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.schemas.topics.TopicNames;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

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
}
