package com.coachstream.common.config;

import com.coachstream.schemas.registry.RegistryConnection;
import com.coachstream.schemas.registry.SchemaRegistryClient;
import com.coachstream.schemas.registry.WireFormat;
import com.coachstream.schemas.serde.AvroSerdes;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.schemas.topics.Topics;
import java.net.URI;
import java.util.Optional;
import java.util.Map;
import java.util.Properties;

/**
 * Kafka client properties from {@link Settings}: {@code bootstrap.servers} (from
 * {@code --bootstrap-servers} or {@code KAFKA_BOOTSTRAP_SERVERS}) and every {@code kafka.*} setting passed
 * through to every client, so SASL and SSL need no code ({@code --kafka-property security.protocol=SSL});
 * and the topic catalogue with its wire format.
 */
public final class KafkaSettings {

  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
  public static final String WIRE_FORMAT = "wire.format";
  private static final String REGISTRY = "schema.registry.";

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

  /**
   * The topic catalogue with the configured names and wire format ({@code wire.format},
   * {@code schema.registry.*}): what every service and command builds its serdes from.
   */
  public static Topics topics(Settings settings) {
    return new Topics(topicNames(settings), avroSerdes(settings));
  }

  /** The Avro serdes of {@code wire.format}; with a {@code schema.registry.url} they also read the other format. */
  public static AvroSerdes avroSerdes(Settings settings) {
    WireFormat format;
    try {
      format = WireFormat.parse(settings.string(WIRE_FORMAT, WireFormat.SINGLE_OBJECT.id()));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
    return registryConnection(settings)
        .map(connection -> AvroSerdes.withRegistry(format, new SchemaRegistryClient(connection)))
        .orElseGet(() -> {
          if (format == WireFormat.REGISTRY) {
            throw new ConfigException("wire.format=registry needs schema.registry.url (the registry's Confluent-compatible "
                + "API, e.g. http://localhost:8080/apis/ccompat/v7)");
          }
          return AvroSerdes.singleObject();
        });
  }

  /** The schema registry of {@code schema.registry.*}, if {@code schema.registry.url} is set. */
  public static Optional<RegistryConnection> registryConnection(Settings settings) {
    String url = settings.string(REGISTRY + "url", "").trim();
    if (url.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new RegistryConnection(URI.create(url), settings.string(REGISTRY + "basic.auth.user-info", ""),
          settings.string(REGISTRY + "bearer.token", ""), settings.string(REGISTRY + "ssl.truststore.location", ""),
          settings.string(REGISTRY + "ssl.truststore.password", ""), settings.string(REGISTRY + "ssl.truststore.type", "PKCS12")));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  public static TopicNames topicNames(Settings settings) {
    Properties props = new Properties();
    props.putAll(settings.withPrefix("topic").entrySet().stream()
        .collect(java.util.stream.Collectors.toMap(e -> "topic." + e.getKey(), Map.Entry::getValue)));
    return TopicNames.from(props);
  }
}
