package com.coachstream.producer;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer client configuration: sensible defaults that any {@code kafka.*} setting may override, and
 * the two guarantees of docs/guarantees.md (idempotence, {@code acks=all}) that no setting may weaken.
 */
final class ProducerProperties {

  private static final Logger log = LoggerFactory.getLogger(ProducerProperties.class);

  /**
   * Defaults. The timeouts are bounded so that a broker that is down surfaces as a clear error within
   * ~15 s (metadata, full buffer) or ~30 s (an unacknowledged record), never as a hang.
   */
  static final Map<String, String> DEFAULTS = Map.of(
      ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
      ProducerConfig.LINGER_MS_CONFIG, "20",
      ProducerConfig.BATCH_SIZE_CONFIG, "131072",
      ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000",
      ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000",
      ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000",
      ProducerConfig.CLIENT_ID_CONFIG, "coachstream-producer");

  private static final Map<String, String> GUARANTEES = Map.of(
      ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
      ProducerConfig.ACKS_CONFIG, "all");

  private ProducerProperties() { }

  /**
   * The settings of {@code client} that an admin client understands (connection, security, timeouts), for
   * the readiness check: producer-only settings would only make the admin client log warnings.
   */
  static Properties forAdmin(Properties client) {
    Properties props = new Properties();
    client.forEach((key, value) -> {
      if (AdminClientConfig.configNames().contains(key.toString())) {
        props.put(key, value);
      }
    });
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, client.getProperty(ProducerConfig.CLIENT_ID_CONFIG,
        DEFAULTS.get(ProducerConfig.CLIENT_ID_CONFIG)) + "-readiness");
    return props;
  }

  static Properties withGuarantees(Properties client) {
    Properties props = new Properties();
    props.putAll(DEFAULTS);
    props.putAll(client);
    GUARANTEES.forEach((key, required) -> {
      Object given = props.get(key);
      if (given != null && !required.equalsIgnoreCase(given.toString().trim())
          && !(key.equals(ProducerConfig.ACKS_CONFIG) && "-1".equals(given.toString().trim()))) {
        log.warn("Ignoring {}={}: CoachStream producers always use {}={}", key, given, key, required);
      }
      props.put(key, required);
    });
    return props;
  }
}
