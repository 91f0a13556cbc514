package com.coachstream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.coachstream.avro.InteractionEvent;
import com.coachstream.common.config.Settings;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.launcher.demo.Pipeline;
import com.coachstream.producer.simulate.SimulatedAgent;
import com.coachstream.producer.simulate.Simulation;
import com.coachstream.producer.simulate.SimulationConfig;
import com.coachstream.producer.simulate.SimulationResult;
import com.coachstream.systemtests.support.Events;
import com.coachstream.systemtests.support.GroupProgress;
import com.coachstream.systemtests.support.LogCapture;
import com.coachstream.systemtests.support.OrderedInput;
import com.coachstream.systemtests.support.PiiScanner;
import com.coachstream.systemtests.support.PipelineOutputs;
import com.coachstream.systemtests.support.Quiescence;
import com.coachstream.systemtests.support.RawInput;
import com.coachstream.systemtests.support.StreamsRuns;
import com.coachstream.systemtests.support.TopicReader;
import com.coachstream.systemtests.support.TopicSet;
import com.coachstream.systemtests.support.Webhook;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/concepts.md: customerRef (PII) never reaches an output topic, a log line or a notification. A full run — every
 * interaction with a customerRef, plus invalid and late ones that are dead-lettered — through the streams
 * processor and the notifier (webhook and log channels); then every output record (keys, values, headers), the
 * dead letters' headers, every log line of this JVM (CoachStream at DEBUG), every webhook post and the query
 * API's answers are scanned for every reference sent. The dead-letter topic carries the original value bytes by
 * design (docs/topics.md), so its values do hold references: the scan finds them there, which also shows it works.
 */
@Tag("integration")
@Tag("faults")
@Timeout(300)
@ExtendWith(KafkaBrokerExtension.class)
class NoPiiOutIT {

  @Test
  void noCustomerReferenceLeavesThePipeline(KafkaTestBroker broker, @TempDir Path stateDir) throws Exception {
    String prefix = broker.uniqueName("pii");
    TopicSet topics = TopicSet.create(broker.clientProperties(), prefix, 2);
    String streamsApp = prefix + "-streams";
    Map<String, String> streams = StreamsRuns.settings(broker.bootstrapServers(), topics, streamsApp, stateDir);
    streams.put("http.port", "0");
    Set<String> references = ConcurrentHashMap.newKeySet();

    try (LogCapture logs = new LogCapture();
        Webhook webhook = new Webhook();
        PipelineOutputs outputs = new PipelineOutputs(broker.clientProperties(), topics.topics());
        GroupProgress progress = new GroupProgress(broker.clientProperties(), streamsApp, topics.inputs())) {
      Map<String, String> notifier = new HashMap<>(topics.settings());
      notifier.putAll(webhook.notifierSettings());
      notifier.put("routes.default", "hook,log");
      notifier.put("bootstrap.servers", broker.bootstrapServers());
      notifier.put("notifier.group", prefix + "-notifier");
      notifier.put("http.host", "127.0.0.1");
      notifier.put("http.port", "0");
      try (Pipeline pipeline = Pipeline.start(Settings.of(streams), Settings.of(notifier))) {
        SimulationConfig config = SimulationConfig.builder().seed(31).agents(16).teams(2).days(28).slipFraction(0.4)
            .end(Instant.now().truncatedTo(ChronoUnit.SECONDS)).build();
        SimulationResult result = Simulation.run(config, new OrderedInput(broker.clientProperties(), topics.topics(),
            Instant.now().minusSeconds(60), event -> {
              if (event instanceof InteractionEvent interaction) {
                assertThat(interaction.getCustomerRef()).as("customerRef of %s", interaction.getInteractionId()).isNotNull();
                PiiScanner.requireFormat(interaction.getCustomerRef());
                references.add(interaction.getCustomerRef());
              }
              return event;
            }), (n, t, f) -> { });
        int rejected = sendRejectedInteractions(broker, topics, references);

        Quiescence.awaitSettled(progress, outputs, StreamsRuns.PUBLISH_INTERVAL, Duration.ofMinutes(3));
        await().atMost(Duration.ofMinutes(1)).until(() -> webhook.alertIds().size() == outputs.alerts().size());
        assertThat(outputs.alerts()).isNotEmpty();
        assertThat(outputs.deadLetters()).hasSize(rejected);

        PiiScanner scanner = new PiiScanner(references);
        try (TopicReader reader = new TopicReader(broker.clientProperties(), List.of(topics.names().skillScores(),
            topics.names().alerts(), topics.names().deliveries(), topics.names().deadLetter()))) {
          for (ConsumerRecord<byte[], byte[]> record : reader.readToEnd()) {
            String topic = record.topic().substring(prefix.length() + 1);
            scanner.scan(topic + " keys", record.key());
            for (Header header : record.headers()) {
              scanner.scan(topic + " headers", header.value());
            }
            scanner.scan(topic + " values", record.value());
          }
        }
        for (Webhook.Delivery delivery : webhook.deliveries()) {
          scanner.scan("webhook posts", delivery.body());
          scanner.scan("webhook headers", delivery.headers().toString());
        }
        for (String agent : agentsOf(result)) {
          scanner.scan("query answers", get(pipeline.streams().opsPort(), "/api/agents/" + agent + "/scores"));
        }
        scanner.scan("query answers", get(pipeline.streams().opsPort(), "/api/alerts?since=2000-01-01T00:00:00Z"));
        scanner.scan("query answers", get(pipeline.streams().opsPort(), "/api/teams/team-01/agents"));
        logs.lines().forEach(line -> scanner.scan("log lines", line));

        System.out.printf("No PII out: %,d events (%,d distinct customerRefs) + %d rejected interactions; %d alerts,"
                + " %d webhook posts; scanned %s; customerRefs found %s%n", result.events(), references.size(), rejected,
            outputs.alerts().size(), webhook.deliveries().size(), scanner.scanned(), scanner.found());
        // only the dead letters' values, which are the original records by design (docs/topics.md)
        String deadLetterValues = topics.names().deadLetter().substring(prefix.length() + 1) + " values";
        assertThat(scanner.found()).as("where customerRefs were found").containsOnlyKeys(deadLetterValues);
        assertThat(scanner.found().get(deadLetterValues)).isEqualTo(rejected);
        assertThat(scanner.scanned()).containsKeys("log lines", "webhook posts", "query answers");
      }
    }
  }

  /** Interactions with a customerRef that the pipeline rejects (invalid, late): their dead letters and log lines. */
  private static int sendRejectedInteractions(KafkaTestBroker broker, TopicSet topics, Set<String> references) {
    Instant now = Instant.now();
    InteractionEvent badCsat = Events.interaction("pii-bad-csat", "agent-0001", now.minusSeconds(30), Map.of("empathy", 70.0), "cust-0badc0de");
    badCsat.setCsat(9);
    InteractionEvent unknownSkill = Events.interaction("pii-bad-skill", "agent-0002", now.minusSeconds(30),
        Map.of("juggling", 70.0), "cust-0badf00d");
    InteractionEvent late = Events.interaction("pii-late", "agent-0003", now.minus(Duration.ofDays(20)),
        Map.of("empathy", 70.0), "cust-00001a7e");
    List<InteractionEvent> rejected = List.of(badCsat, unknownSkill, late);
    try (RawInput input = new RawInput(broker.clientProperties())) {
      for (InteractionEvent event : rejected) {
        references.add(event.getCustomerRef());
        PiiScanner.requireFormat(event.getCustomerRef());
        input.send(topics.names().interactions(), event.getAgentId().getBytes(StandardCharsets.UTF_8),
            topics.topics().interactions().valueSerde().serializer().serialize(topics.names().interactions(), event));
      }
    }
    return rejected.size();
  }

  private static List<String> agentsOf(SimulationResult result) {
    return result.groundTruth().agents().stream().map(SimulatedAgent::agentId).toList();
  }

  private static String get(int port, String path) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + path)).header("Authorization", StreamsRuns.ADMIN.bearer()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
    return response.body();
  }
}
