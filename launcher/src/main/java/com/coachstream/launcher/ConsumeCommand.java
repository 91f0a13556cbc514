package com.coachstream.launcher;

import com.coachstream.common.cli.CommonOptions;
import com.coachstream.common.config.KafkaSettings;
import com.coachstream.common.config.Settings;
import com.coachstream.common.config.keys.Service;
import com.coachstream.schemas.json.AvroJson;
import com.coachstream.schemas.json.RecordDecoder;
import com.coachstream.schemas.registry.SchemaRegistryClient;
import com.coachstream.schemas.serde.AvroDecodingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code coachstream consume TOPIC}: any CoachStream topic as JSON lines. Values (and Avro keys) are decoded
 * from their own bytes, so a renamed topic works too (registry-framed ones with the schema of
 * {@code schema.registry.url}); a value that is not a CoachStream record (a dead
 * letter's original bytes) is shown as base64 with the reason it could not be decoded.
 */
@Command(name = "consume", mixinStandardHelpOptions = true,
    description = "Decode a CoachStream topic to JSON lines (one record per line) on standard output.")
final class ConsumeCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "TOPIC", description = "Topic to read, e.g. coaching.alerts.v1.")
  String topic;

  @Option(names = "--from-beginning", description = "Start at the oldest record instead of only new ones.")
  boolean fromBeginning;

  @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
  Long max;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s",
      description = "Stop when no record arrived for this long, e.g. 10s; 0 = wait forever (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Settings settings = common.settings(Service.TOOLS, Map.of());
    Duration idleLimit = Settings.parseDuration("--timeout", timeout);
    Properties props = KafkaSettings.clientProperties(settings);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "coachstream-consume-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Optional<SchemaRegistryClient> registry = KafkaSettings.registryConnection(settings).map(SchemaRegistryClient::new);
    PrintWriter out = spec.commandLine().getOut();
    long printed = 0;
    try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      Instant lastRecord = Instant.now();
      while (max == null || printed < max) {
        var records = consumer.poll(Duration.ofMillis(500));
        for (ConsumerRecord<byte[], byte[]> record : records) {
          if (max != null && printed >= max) {
            break;
          }
          out.println(line(record, registry));
          printed++;
          lastRecord = Instant.now();
        }
        if (!idleLimit.isZero() && Duration.between(lastRecord, Instant.now()).compareTo(idleLimit) > 0) {
          break;
        }
      }
    }
    out.flush();
    return 0;
  }

  /** One record as a JSON line; registry-framed keys and values are decoded with {@code registry}'s schemas. */
  static String line(ConsumerRecord<byte[], byte[]> record, Optional<SchemaRegistryClient> registry) {
    ObjectNode node = AvroJson.MAPPER.createObjectNode();
    node.put("topic", record.topic());
    node.put("partition", record.partition());
    node.put("offset", record.offset());
    node.put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
    node.set("key", decodeKey(record.key(), registry));
    node.set("value", decodeValue(record.value(), registry, node));
    if (record.headers().toArray().length > 0) {
      ObjectNode headers = node.putObject("headers");
      for (Header header : record.headers()) {
        headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
      }
    }
    return node.toString();
  }

  private static JsonNode decodeKey(byte[] key, Optional<SchemaRegistryClient> registry) {
    if (key == null) {
      return AvroJson.MAPPER.nullNode();
    }
    try {
      return RecordDecoder.toJson(key, registry);
    } catch (AvroDecodingException notAvro) {
      return AvroJson.MAPPER.getNodeFactory().textNode(new String(key, StandardCharsets.UTF_8));
    }
  }

  private static JsonNode decodeValue(byte[] value, Optional<SchemaRegistryClient> registry, ObjectNode line) {
    if (value == null) {
      return AvroJson.MAPPER.nullNode(); // a tombstone
    }
    try {
      return RecordDecoder.toJson(value, registry);
    } catch (AvroDecodingException e) {
      line.put("valueError", e.getMessage());
      return AvroJson.MAPPER.getNodeFactory().textNode(Base64.getEncoder().encodeToString(value));
    }
  }
}
