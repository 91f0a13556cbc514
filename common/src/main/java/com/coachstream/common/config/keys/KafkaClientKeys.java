package com.coachstream.common.config.keys;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka client settings a service passes through ({@code kafka.*}, {@code --kafka-property}), from the
 * clients' own definitions: every producer, consumer and admin setting, and for Kafka Streams also its own
 * and the prefixed forms it hands to one of its clients ({@code producer.}, {@code main.consumer.}, ...).
 */
public final class KafkaClientKeys {

  private static final Set<String> CLIENTS = clientNames();
  private static final Set<String> STREAMS = streamsNames();
  /** Free-form families: config providers ({@code config.providers.vault.class}), Streams' client tags. */
  private static final List<String> OPEN_PREFIXES = List.of("config.providers.");
  private static final List<String> STREAMS_OPEN_PREFIXES = List.of(StreamsConfig.CLIENT_TAG_PREFIX);
  private static final Set<String> PASSWORDS = passwordNames();
  private static final List<String> SECRET_WORDS =
      List.of("password", "secret", "token", "credential", "jaas", "ssl.keystore.key", "private");

  private KafkaClientKeys() { }

  /** Whether {@code property} (without {@code kafka.}) is a setting of the Kafka clients this service runs. */
  public static boolean accepts(Service service, String property) {
    if (CLIENTS.contains(property) || OPEN_PREFIXES.stream().anyMatch(property::startsWith)) {
      return true;
    }
    return service.runsKafkaStreams() && isStreamsOnly(property);
  }

  /** A setting only Kafka Streams knows: of no use to a service without it. */
  public static boolean isStreamsOnly(String property) {
    return STREAMS.contains(property) || STREAMS_OPEN_PREFIXES.stream().anyMatch(property::startsWith);
  }

  /** Every name the service's Kafka clients know, for suggestions. */
  public static Set<String> names(Service service) {
    Set<String> names = new TreeSet<>(CLIENTS);
    if (service.runsKafkaStreams()) {
      names.addAll(STREAMS);
    }
    return names;
  }

  /**
   * Whether the value must never be printed: Kafka's own password-typed settings ({@code ssl.key.password},
   * {@code sasl.jaas.config}, ...) and, for settings Kafka does not type (config providers, prefixed forms),
   * any name that speaks of a password, secret, token, credential, JAAS or private key.
   */
  public static boolean isSecret(String property) {
    String name = property.toLowerCase(Locale.ROOT);
    return PASSWORDS.stream().anyMatch(p -> name.equals(p) || name.endsWith("." + p))
        || SECRET_WORDS.stream().anyMatch(name::contains);
  }

  private static Set<String> clientNames() {
    Set<String> names = new HashSet<>(ProducerConfig.configNames());
    names.addAll(ConsumerConfig.configNames());
    names.addAll(AdminClientConfig.configNames());
    return Set.copyOf(names);
  }

  private static Set<String> streamsNames() {
    Set<String> names = new HashSet<>(StreamsConfig.configDef().names());
    ProducerConfig.configNames().forEach(n -> names.add(StreamsConfig.producerPrefix(n)));
    for (String consumer : ConsumerConfig.configNames()) {
      names.add(StreamsConfig.consumerPrefix(consumer));
      names.add(StreamsConfig.mainConsumerPrefix(consumer));
      names.add(StreamsConfig.restoreConsumerPrefix(consumer));
      names.add(StreamsConfig.globalConsumerPrefix(consumer));
    }
    AdminClientConfig.configNames().forEach(n -> names.add(StreamsConfig.adminClientPrefix(n)));
    topicConfigNames().forEach(n -> names.add(StreamsConfig.topicPrefix(n)));
    names.removeAll(clientNames());
    return Set.copyOf(names);
  }

  /** Topic-level settings of internal topics ({@code topic.segment.bytes}): TopicConfig has no list, only constants. */
  private static Set<String> topicConfigNames() {
    Set<String> names = new HashSet<>();
    for (Field field : TopicConfig.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getName().endsWith("_CONFIG") && field.getType() == String.class) {
        try {
          names.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return names;
  }

  private static Set<String> passwordNames() {
    Set<String> names = new HashSet<>();
    for (ConfigDef def : List.of(ProducerConfig.configDef(), ConsumerConfig.configDef(), AdminClientConfig.configDef(),
        StreamsConfig.configDef())) {
      def.configKeys().values().stream().filter(k -> k.type == ConfigDef.Type.PASSWORD).forEach(k -> names.add(k.name));
    }
    return Set.copyOf(names);
  }
}
