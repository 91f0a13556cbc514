package com.coachstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.coachstream.avro.AlertType;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.common.config.KafkaSettings;
import com.coachstream.common.config.Settings;
import com.coachstream.common.kafka.TopicCreator;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.launcher.demo.DetectionScore;
import com.coachstream.launcher.demo.Pipeline;
import com.coachstream.launcher.demo.TopicMonitor;
import com.coachstream.notifier.channel.HttpPostChannel;
import com.coachstream.producer.CoachStreamProducer;
import com.coachstream.producer.simulate.GroundTruth;
import com.coachstream.producer.simulate.Pacing;
import com.coachstream.producer.simulate.SimulatedAgent;
import com.coachstream.producer.simulate.Simulation;
import com.coachstream.producer.simulate.SimulationConfig;
import com.coachstream.producer.simulate.SimulationResult;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.schemas.topics.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Simulator with ground truth → producer → streams processor → notifier → a webhook on loopback, on a real
 * broker: every designed slip is alerted in its category, no steady agent is alerted, and every alert on the
 * alerts topic reaches the webhook, dispatched once: the ledger records one {@code DELIVERED} per alert, and an
 * alert reaches the webhook a second time only as the retry of an attempt that failed on the notifier's side (the
 * at-least-once window the guarantees document), with the same alert-id header.
 */
@Tag("integration")
@Timeout(300)
@ExtendWith(KafkaBrokerExtension.class)
class EndToEndIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void designedSlipsAreAlertedAndDeliveredOnce(KafkaTestBroker broker, @TempDir Path stateDir) throws Exception {
    List<JsonNode> delivered = new CopyOnWriteArrayList<>();
    List<String> headerMismatches = new CopyOnWriteArrayList<>();
    HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    webhook.createContext("/alerts", exchange -> {
      JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
      String header = exchange.getRequestHeaders().getFirst(HttpPostChannel.ALERT_ID_HEADER);
      if (!body.path("alertId").asText().equals(header)) {
        headerMismatches.add(header + " on alert " + body.path("alertId").asText());
      }
      delivered.add(body);
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    webhook.start();

    String prefix = broker.uniqueName("e2e") + ".";
    TopicNames names = TopicNames.DEFAULTS.withPrefix(prefix);
    Map<String, String> common = new HashMap<>(names.asMap());
    common.put("bootstrap.servers", broker.bootstrapServers());
    Settings base = Settings.of(common);
    Topics topics = new Topics(names);
    TopicCreator.createAll(KafkaSettings.clientProperties(base), topics, 4, 1);

    Map<String, String> streams = new HashMap<>(common);
    streams.put("application-id", prefix + "streams");
    streams.put("state.dir", stateDir.toString());
    streams.put("http.port", "0");
    streams.put("scores.publish.interval", "1s");
    Map<String, String> notifier = new HashMap<>(common);
    notifier.put("notifier.group", prefix + "notifier");
    notifier.put("http.port", "0");
    notifier.put("routes.default", "hook");
    notifier.put("channel.hook.type", "webhook");
    notifier.put("channel.hook.url", "http://127.0.0.1:" + webhook.getAddress().getPort() + "/alerts");

    SimulationConfig config = SimulationConfig.builder().seed(7).agents(24).teams(3).days(35).slipFraction(0.3)
        .end(Instant.now()).pacing(Pacing.asFastAsPossible()).build();
    try (Pipeline pipeline = Pipeline.start(Settings.of(streams), Settings.of(notifier));
        TopicMonitor monitor = new TopicMonitor(KafkaSettings.clientProperties(base), topics);
        DeliveryWatch ledger = new DeliveryWatch(KafkaSettings.clientProperties(base), topics);
        CoachStreamProducer producer = CoachStreamProducer.create(base)) {
      SimulationResult result = Simulation.run(config, producer, (emitted, time, fraction) -> { });
      GroundTruth truth = result.groundTruth();
      assertThat(truth.slipping()).isNotEmpty();

      await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
          assertThat(DetectionScore.of(truth.agents(), monitor.alerts()).recall()).isEqualTo(1.0));
      // every alert on the topic reaches the webhook, once
      await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
          assertThat(ids(delivered)).isEqualTo(monitor.alerts().stream().map(CoachingAlert::getAlertId).collect(Collectors.toSet())));

      DetectionScore score = DetectionScore.of(truth.agents(), monitor.alerts());
      System.out.printf("End-to-end: %,d events in %d ms; %s%n", result.events(), result.wallTime().toMillis(), score.summary());
      System.out.printf("End-to-end: precision %.3f, recall %.3f; false alarms %s%n", score.precision(), score.recall(), score.falseAlarms());

      Set<String> steady = truth.steady().stream().map(SimulatedAgent::agentId).collect(Collectors.toSet());
      assertThat(monitor.alerts()).filteredOn(a -> a.getType() == AlertType.SLIP)
          .noneMatch(a -> steady.contains(a.getAgentId()));
      assertThat(headerMismatches).isEmpty();
      // dispatched once: one DELIVERED per alert; a second request only for an attempt recorded as failed
      await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
          assertThat(ledger.delivered().keySet()).isEqualTo(ids(delivered)));
      assertThat(ledger.delivered()).allSatisfy((alertId, count) -> assertThat(count).as(alertId).isOne());
      Map<String, Long> requests = delivered.stream()
          .collect(Collectors.groupingBy(json -> json.get("alertId").asText(), Collectors.counting()));
      requests.forEach((alertId, count) -> {
        List<String> retried = ledger.retries(alertId);
        if (count > 1) {
          System.out.printf("End-to-end: alert %s reached the webhook %d times after failed attempts %s%n", alertId, count, retried);
        }
        assertThat(count).as("requests for alert %s, failed attempts %s", alertId, retried).isLessThanOrEqualTo(1 + retried.size());
      });
      assertThat(delivered).allSatisfy(json -> {
        assertThat(json.get("agent").get("name").asText()).isNotBlank();
        assertThat(json.get("supervisor").get("id").asText()).isNotBlank();
      });
    } finally {
      webhook.stop(0);
    }
  }

  private static Set<String> ids(List<JsonNode> delivered) {
    return delivered.stream().map(json -> json.get("alertId").asText()).collect(Collectors.toSet());
  }
}
