package com.coachstream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.coachstream.avro.InteractionEvent;
import com.coachstream.common.config.Settings;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.kafka.local.LocalSchemaRegistry;
import com.coachstream.kafka.local.SchemaRegistryExtension;
import com.coachstream.launcher.demo.Pipeline;
import com.coachstream.schemas.registry.ConfluentFrame;
import com.coachstream.schemas.registry.RegistryConnection;
import com.coachstream.schemas.registry.SchemaRegistryClient;
import com.coachstream.schemas.registry.WireFormat;
import com.coachstream.schemas.serde.AvroSerde;
import com.coachstream.schemas.serde.AvroSerdes;
import com.coachstream.schemas.topics.Topics;
import com.coachstream.systemtests.support.ConfluentLayoutReader;
import com.coachstream.systemtests.support.ConnectFileSink;
import com.coachstream.systemtests.support.Events;
import com.coachstream.systemtests.support.GroupProgress;
import com.coachstream.systemtests.support.PipelineOutputs;
import com.coachstream.systemtests.support.Quiescence;
import com.coachstream.systemtests.support.StreamsRuns;
import com.coachstream.systemtests.support.TopicReader;
import com.coachstream.systemtests.support.TopicSet;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registry mode as data teams meet it (docs/data-teams.md): the streams processor reads mixed input (half the
 * agents' producers still single-object, half moved to the registry) and writes its outputs in the Confluent
 * layout to a real Apicurio registry, as does the notifier (its deliveries); a plain reader that knows only that layout and plain Avro decodes every
 * skill-score and alert, and a Kafka Connect standalone worker sinks every alert to a file, decoded.
 */
@Tag("integration")
@Timeout(400)
@ExtendWith({KafkaBrokerExtension.class, SchemaRegistryExtension.class})
class RegistryModeIT {

  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final int AGENTS = 6;
  private static final int DAYS = 26;

  @Test
  void thirdPartyClientsReadEveryOutputAndMixedInputIsAccepted(KafkaTestBroker broker, LocalSchemaRegistry registry,
      @TempDir Path dir) throws Exception {
    System.out.printf("Schema registry (Apicurio) start time: %d ms%n", registry.startTime().toMillis());
    String prefix = broker.uniqueName("registry");
    TopicSet topics = TopicSet.create(broker.clientProperties(), prefix, 2);
    SchemaRegistryClient client = new SchemaRegistryClient(RegistryConnection.of(registry.ccompatUrl()));
    Topics registryTopics = new Topics(topics.names(), AvroSerdes.withRegistry(WireFormat.REGISTRY, client));
    String app = prefix + "-streams";
    Map<String, String> settings = StreamsRuns.settings(broker.bootstrapServers(), topics, app, dir.resolve("state"));
    settings.put("http.port", "0");
    settings.put("wire.format", "registry");
    settings.put("schema.registry.url", registry.ccompatUrl());
    broker.clientProperties().forEach((k, v) -> {
      if (!k.equals("bootstrap.servers")) {
        settings.put("kafka." + k, v.toString());
      }
    });

    Map<String, String> notifier = new HashMap<>(topics.settings());
    notifier.put("bootstrap.servers", broker.bootstrapServers());
    notifier.put("notifier.group", prefix + "-notifier");
    notifier.put("routes.default", "log");
    notifier.put("http.host", "127.0.0.1");
    notifier.put("http.port", "0");
    notifier.put("wire.format", "registry");
    notifier.put("schema.registry.url", registry.ccompatUrl());

    int inputs = produceMixedInput(broker.clientProperties(), registryTopics);
    try (Pipeline pipeline = Pipeline.start(Settings.of(settings), Settings.of(notifier));
        PipelineOutputs outputs = new PipelineOutputs(broker.clientProperties(), registryTopics);
        GroupProgress progress = new GroupProgress(broker.clientProperties(), app, topics.inputs())) {
      Quiescence.awaitSettled(progress, outputs, StreamsRuns.PUBLISH_INTERVAL, Duration.ofMinutes(3));
      await().atMost(Duration.ofMinutes(1)).until(() -> outputs.update().deliveries().size() == outputs.alerts().size());
      assertThat(outputs.alerts()).extracting(alert -> alert.getType().name()).contains("SLIP", "RECOVERY");
      assertThat(outputs.deadLettersByStageAndReason())
          .containsExactlyInAnyOrderEntriesOf(Map.of("deserialize/BAD_AVRO", 1L, "deserialize/UNKNOWN_SCHEMA", 1L));

      ConfluentLayoutReader plain = new ConfluentLayoutReader(registry.ccompatUrl());
      Set<String> plainWindows = new HashSet<>();
      List<String> plainAlertIds = new ArrayList<>();
      List<String> plainDeliveredIds = new ArrayList<>();
      try (TopicReader reader = new TopicReader(broker.clientProperties(),
          List.of(topics.names().skillScores(), topics.names().alerts(), topics.names().deliveries()))) {
        for (ConsumerRecord<byte[], byte[]> record : reader.readToEnd()) {
          assertThat(record.value()[0]).as("first byte of a value on %s", record.topic()).isEqualTo(ConfluentFrame.MAGIC);
          GenericRecord value = plain.read(record.value());
          if (record.topic().equals(topics.names().skillScores())) {
            GenericRecord key = plain.read(record.key());
            plainWindows.add(key.get("agentId") + "@" + key.get("windowStart"));
            assertThat(value.get("agentId").toString()).isEqualTo(key.get("agentId").toString());
          } else if (record.topic().equals(topics.names().alerts())) {
            plainAlertIds.add(value.get("alertId").toString());
          } else {
            plainDeliveredIds.add(value.get("alertId").toString()); // the notifier's ledger, in registry mode too
          }
        }
      }
      System.out.printf("Plain Confluent-layout reader: %d skill-score windows, %d alerts decoded (%d input records)%n",
          plainWindows.size(), plainAlertIds.size(), inputs);
      assertThat(plainAlertIds).containsExactlyInAnyOrderElementsOf(outputs.alertIds());
      assertThat(plainDeliveredIds).containsExactlyInAnyOrderElementsOf(plainAlertIds);
      assertThat(plainWindows).hasSize(outputs.windows().size()).hasSizeGreaterThan(AGENTS * DAYS);
      assertThat(client.compatibility(topics.names().alerts() + "-value")).isEqualTo("BACKWARD");
      assertThat(client.compatibility(topics.names().skillScores() + "-key")).isEqualTo("BACKWARD");

      Path sinkFile = dir.resolve("alerts.jsonl");
      try (ConnectFileSink sink = ConnectFileSink.start(broker.clientProperties(), topics.names().alerts(), sinkFile,
          dir.resolve("connect.offsets"), registry.ccompatUrl())) {
        await().atMost(Duration.ofMinutes(2)).until(() -> Files.exists(sinkFile)
            && Files.readAllLines(sinkFile, StandardCharsets.UTF_8).size() >= plainAlertIds.size());
      }
      ObjectMapper json = new ObjectMapper();
      List<String> sunk = new ArrayList<>();
      for (String line : Files.readAllLines(sinkFile, StandardCharsets.UTF_8)) {
        sunk.add(json.readTree(line).get("alertId").asText());
      }
      System.out.printf("Kafka Connect file sink: %d records written, %d alerts on the topic%n", sunk.size(), plainAlertIds.size());
      assertThat(sunk).containsExactlyInAnyOrderElementsOf(plainAlertIds);
    }
  }

  /**
   * Interactions of agents whose producers differ (even agents single-object, odd agents registry); agents 0-2 slip
   * on days 10-14 and recover; then two undecodable records.
   */
  private static int produceMixedInput(Properties client, Topics registryTopics) {
    String topic = registryTopics.interactions().name();
    AvroSerde<InteractionEvent> singleObject = new AvroSerde<>(InteractionEvent.class);
    var registry = registryTopics.interactions().valueSerde().serializer();
    long start = (Instant.now().toEpochMilli() / DAY - DAYS - 2) * DAY;
    Random random = new Random(7);
    Properties props = new Properties();
    props.putAll(client);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    int sent = 0;
    try (var producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int day = 0; day < DAYS; day++) {
        for (int n = 0; n < 3; n++) {
          for (int a = 0; a < AGENTS; a++) {
            String agent = "agent-" + a;
            boolean slipping = a < 3 && day >= 10 && day < 15;
            double score = slipping ? 30 + random.nextInt(20) : 75 + random.nextInt(25);
            InteractionEvent event = Events.interaction("i-" + a + "-" + day + "-" + n, agent,
                Instant.ofEpochMilli(start + day * DAY + n * Duration.ofHours(7).toMillis() + a * 1000L),
                Map.of("empathy", score), null);
            byte[] value = a % 2 == 0 ? singleObject.serialize(topic, event) : registry.serialize(topic, event);
            producer.send(new ProducerRecord<>(topic, agent.getBytes(StandardCharsets.UTF_8), value));
            sent++;
          }
        }
      }
      producer.send(new ProducerRecord<>(topic, "agent-0".getBytes(StandardCharsets.UTF_8), "garbage".getBytes(StandardCharsets.UTF_8)));
      producer.send(new ProducerRecord<>(topic, "agent-1".getBytes(StandardCharsets.UTF_8), ConfluentFrame.frame(999_999, new byte[] {2})));
    }
    return sent + 2;
  }
}
