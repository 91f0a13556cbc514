package com.coachstream.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachstream.avro.Channel;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.common.config.Settings;
import com.coachstream.common.kafka.TopicCreator;
import com.coachstream.kafka.local.RestartableKafkaBroker;
import com.coachstream.producer.http.IngestServer;
import com.coachstream.producer.simulate.Simulation;
import com.coachstream.producer.simulate.SimulationConfig;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.schemas.topics.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A send that expires is a failure reported with what was not written, never progress: the broker is frozen
 * (SIGSTOP: connections stay open, nothing answers) after the producer learned where the partitions live,
 * so every send times out inside the producer. The library fails the send's future, HTTP ingest answers 503
 * with a result per event, and the simulator stops saying how many of its events Kafka did not acknowledge.
 */
@Tag("integration")
@Timeout(180)
class SendExpiryIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
  private static RestartableKafkaBroker broker;
  private static TopicNames names;

  @BeforeAll
  static void startBroker() {
    broker = RestartableKafkaBroker.start();
    names = TopicNames.DEFAULTS.withPrefix("expiry.");
    Map<String, Object> client = Map.of("bootstrap.servers", broker.bootstrapServers());
    java.util.Properties props = new java.util.Properties();
    props.putAll(client);
    TopicCreator.createAll(props, new Topics(names), 3, 1);
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void sendsThatExpireAreReportedWithWhatWasNotWritten() throws Exception {
    Map<String, String> values = new HashMap<>(names.asMap());
    values.put("bootstrap.servers", broker.bootstrapServers());
    values.put("kafka.delivery.timeout.ms", "4000");
    values.put("kafka.request.timeout.ms", "1500");
    // the first expired send makes the producer refetch metadata, so every later send waits max.block.ms for it:
    // the default 15 s, once per event, would be most of this test's time
    values.put("kafka.max.block.ms", "4000");
    values.put("kafka.linger.ms", "0");
    values.put(IngestServer.HOST, "127.0.0.1");
    values.put(IngestServer.PORT, "0");
    values.put(IngestServer.BEARER_TOKEN, SENDER_TOKEN);
    Settings settings = Settings.of(values);
    try (CoachStreamProducer producer = CoachStreamProducer.create(settings);
        IngestServer server = IngestServer.start(settings, producer)) {
      producer.awaitBroker();
      assertThat(producer.send(interaction("before-pause")).get(30, TimeUnit.SECONDS).offset()).isNotNegative();
      broker.pause();
      try {
        assertThatThrownBy(() -> producer.send(interaction("library")).get(60, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class)
            .cause().isInstanceOf(SendFailedException.class).hasMessageContaining("did not answer in time");

        HttpResponse<String> response = post(server, "[" + json("http-1") + "," + json("http-2") + "]");
        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("failed").asInt()).isEqualTo(2);
        assertThat(body.get("accepted").asInt()).isZero();
        assertThat(body.get("results")).allSatisfy(r -> assertThat(r.get("status").asText()).isEqualTo("failed"));

        SimulationConfig config = SimulationConfig.builder().seed(3).agents(2).teams(1).days(2).end(T).maxEvents(40).build();
        assertThatThrownBy(() -> Simulation.run(config, producer, (n, t, f) -> { }))
            .isInstanceOf(SendFailedException.class)
            .satisfies(e -> {
              Matcher counts = Pattern.compile("did not acknowledge (\\d+) of the (\\d+) simulated events sent \\(0 acknowledged\\)")
                  .matcher(e.getMessage());
              assertThat(counts.find()).as(e.getMessage()).isTrue();
              assertThat(counts.group(1)).isEqualTo(counts.group(2));
              assertThat(Integer.parseInt(counts.group(1))).isPositive();
            })
            .hasMessageContaining("did not answer in time");
      } finally {
        broker.resume();
      }
    }
  }

  private static InteractionEvent interaction(String id) {
    return InteractionEvent.newBuilder().setInteractionId(id).setAgentId("agent-1").setChannel(Channel.CHAT)
        .setStartedAt(T.minusSeconds(120)).setEndedAt(T).build();
  }

  private static String json(String id) {
    return "{\"type\":\"interaction\",\"interactionId\":\"" + id + "\",\"agentId\":\"agent-2\",\"channel\":\"CHAT\","
        + "\"startedAt\":\"" + T + "\",\"endedAt\":\"" + T + "\"}";
  }

  private static final String SENDER_TOKEN = "expiry-sender-token-0123456789";

  private static HttpResponse<String> post(IngestServer server, String body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/events"))
        .header("Authorization", "Bearer " + SENDER_TOKEN).timeout(Duration.ofSeconds(90)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
