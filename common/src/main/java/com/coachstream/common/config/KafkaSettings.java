package com.coachstream.common.config;

import com.coachstream.schemas.topics.TopicNames;
import java.util.Map;
import java.util.Properties;

/**
 * Kafka client properties from {@link Settings}: {@code bootstrap.servers} (from
 * {@code --bootstrap-servers} or {@code KAFKA_BOOTSTRAP_SERVERS}) and every {@code kafka.*} setting passed
 * through to every client, so SASL and SSL need no code ({@code --kafka-property security.protocol=SSL}).
 */
public final class KafkaSettings {

  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";

  private KafkaSettings() { }

  /** Properties common to every Kafka client of a service. */
  public static Properties clientProperties(Settings settings) {
    Properties props = new Properties();
    props.put(BOOTSTRAP_SERVERS, settings.string(BOOTSTRAP_SERVERS, DEFAULT_BOOTSTRAP_SERVERS));
    for (Map.Entry<String, String> e : settings.withPrefix("kafka").entrySet()) {
      props.put(e.getKey(), e.getValue());
    }
    return props;
  }

  public static TopicNames topicNames(Settings settings) {
    Properties props = new Properties();
    props.putAll(settings.withPrefix("topic").entrySet().stream()
        .collect(java.util.stream.Collectors.toMap(e -> "topic." + e.getKey(), Map.Entry::getValue)));
    return TopicNames.from(props);
  }
}
