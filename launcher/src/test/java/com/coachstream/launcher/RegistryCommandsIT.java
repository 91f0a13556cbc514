package com.coachstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.common.config.Settings;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.kafka.local.LocalSchemaRegistry;
import com.coachstream.kafka.local.SchemaRegistryExtension;
import com.coachstream.producer.http.IngestServer;
import com.coachstream.schemas.topics.TopicNames;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code produce import}, the HTTP ingest and {@code consume} in registry mode, against a real Apicurio registry. */
@Tag("integration")
@Timeout(300)
@ExtendWith({KafkaBrokerExtension.class, SchemaRegistryExtension.class})
class RegistryCommandsIT {

  private static final Instant T = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

  private static final String SENDER_TOKEN = "registry-commands-sender-token-0123456789";

  @Test
  void importAndIngestWriteTheConfluentLayoutAndConsumeDecodesIt(KafkaTestBroker broker, LocalSchemaRegistry registry,
      @TempDir Path dir) throws Exception {
    TopicNames names = TopicNames.DEFAULTS.withPrefix(broker.uniqueName("reg-cli") + ".");
    broker.createTopics(Map.of(names.interactions(), 1, names.qaEvaluations(), 1, names.agents(), 1));
    List<String> registryMode = new ArrayList<>(List.of("--set", "wire.format=registry",
        "--set", "schema.registry.url=" + registry.ccompatUrl()));
    names.asMap().forEach((key, value) -> registryMode.addAll(List.of("--set", key + "=" + value)));

    Path events = Files.writeString(dir.resolve("events.jsonl"), interaction("i-imported") + "\n");
    List<String> importArgs = new ArrayList<>(List.of("produce", "import", "--bootstrap-servers", broker.bootstrapServers()));
    importArgs.addAll(registryMode);
    importArgs.add(events.toString());
    LauncherRun imported = LauncherRun.of(importArgs.toArray(String[]::new));
    assertThat(imported.exitCode()).as(imported.out() + imported.err()).isZero();

    Map<String, String> ingest = new HashMap<>(names.asMap());
    ingest.put("bootstrap.servers", broker.bootstrapServers());
    ingest.put("http.host", "127.0.0.1");
    ingest.put("http.port", "0");
    ingest.put("wire.format", "registry");
    ingest.put("schema.registry.url", registry.ccompatUrl());
    ingest.put("http.bearer-token", SENDER_TOKEN); // the ingest signs a sending system in with it
    try (IngestServer server = IngestServer.start(Settings.of(ingest))) {
      HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + server.port() + "/v1/events")).timeout(Duration.ofSeconds(60))
          .header("Authorization", "Bearer " + SENDER_TOKEN)
          .POST(HttpRequest.BodyPublishers.ofString(interaction("i-posted"))).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 299);
    }

    assertThat(broker.readValues(names.interactions(), 2)).allSatisfy(value -> assertThat(value[0]).isZero());

    List<String> consumeArgs = new ArrayList<>(List.of("consume", names.interactions(), "--bootstrap-servers",
        broker.bootstrapServers(), "--from-beginning", "--max", "2", "--timeout", "30s"));
    consumeArgs.addAll(registryMode);
    LauncherRun consumed = LauncherRun.of(consumeArgs.toArray(String[]::new));
    assertThat(consumed.exitCode()).as(consumed.err()).isZero();
    List<String> ids = new ArrayList<>();
    for (String line : consumed.out().strip().split("\n")) {
      JsonNode json = new ObjectMapper().readTree(line);
      assertThat(json.has("valueError")).as(line).isFalse();
      ids.add(json.get("value").get("interactionId").asText());
    }
    assertThat(ids).containsExactlyInAnyOrder("i-imported", "i-posted");

    LauncherRun withoutRegistry = LauncherRun.of("consume", names.interactions(), "--bootstrap-servers",
        broker.bootstrapServers(), "--from-beginning", "--max", "1", "--timeout", "30s");
    assertThat(withoutRegistry.out()).contains("no schema.registry.url set");
  }

  private static String interaction(String id) {
    return "{\"type\":\"interaction\",\"interactionId\":\"" + id + "\",\"agentId\":\"agent-1\",\"channel\":\"VOICE\","
        + "\"startedAt\":\"" + T + "\",\"endedAt\":\"" + T + "\",\"skillSignals\":{\"empathy\":81.5}}";
  }
}
