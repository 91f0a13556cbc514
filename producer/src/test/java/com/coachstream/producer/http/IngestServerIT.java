package com.coachstream.producer.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.coachstream.avro.InteractionEvent;
import com.coachstream.common.config.Settings;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.producer.support.TopicReader;
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
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code POST /v1/events} through a real HTTP client, onto a real broker: every status the endpoint answers. */
@Tag("integration")
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(KafkaBrokerExtension.class)
class IngestServerIT {

  static final String TOKEN = "s3cret-token";
  static final int BODY_LIMIT = 4096;
  static final ObjectMapper JSON = new ObjectMapper();
  static final String T = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();

  final HttpClient client = HttpClient.newHttpClient();
  TopicNames names;
  IngestServer server;
  KafkaTestBroker broker;

  @BeforeAll
  void start(KafkaTestBroker broker) {
    this.broker = broker;
    names = TopicNames.DEFAULTS.withPrefix(broker.uniqueName("http") + ".");
    broker.createTopics(Map.of(names.interactions(), 3, names.qaEvaluations(), 3, names.agents(), 1));
    Map<String, String> settings = new HashMap<>(names.asMap());
    settings.put("bootstrap.servers", broker.bootstrapServers());
    settings.put(IngestServer.HOST, "127.0.0.1");
    settings.put(IngestServer.PORT, "0");
    settings.put(IngestServer.BODY_LIMIT, String.valueOf(BODY_LIMIT));
    settings.put(IngestServer.BEARER_TOKEN, TOKEN);
    server = IngestServer.start(Settings.of(settings));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  static String interaction(String id, String extra) {
    return "{\"type\":\"interaction\",\"interactionId\":\"" + id + "\",\"agentId\":\"agent-7\",\"channel\":\"CHAT\","
        + "\"startedAt\":\"" + T + "\",\"endedAt\":\"" + T + "\"" + extra + "}";
  }

  HttpResponse<String> post(String body, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/events"))
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void acceptedEventsAre202WithWhereKafkaStoredThem() throws Exception {
    HttpResponse<String> response = post("[" + interaction("h-1", "") + "," + interaction("h-2", ",\"csat\":4") + "]", TOKEN);
    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("accepted").asInt()).isEqualTo(2);
    assertThat(body.get("results")).hasSize(2).allSatisfy(r -> {
      assertThat(r.get("status").asText()).isEqualTo("accepted");
      assertThat(r.get("topic").asText()).isEqualTo(names.interactions());
      assertThat(r.get("offset").asLong()).isNotNegative();
    });
    Topics topics = new Topics(names);
    // Other tests of this class share the topic: look at the records where the answer says they are.
    List<ConsumerRecord<String, InteractionEvent>> stored = TopicReader.readExactly(broker.clientProperties(),
        names.interactions(), 2, topics.interactions().keySerde().deserializer(), topics.interactions().valueSerde().deserializer());
    for (JsonNode result : body.get("results")) {
      assertThat(stored).filteredOn(r -> r.partition() == result.get("partition").asInt() && r.offset() == result.get("offset").asLong())
          .singleElement().satisfies(r -> assertThat(r.value().getInteractionId()).isEqualTo("h-" + (result.get("index").asInt() + 1)));
    }
  }

  @Test
  void ndjsonWithSomeRejectedIs202WithAReasonPerRejectedLine() throws Exception {
    HttpResponse<String> response = post(interaction("m-1", "") + "\n" + interaction("m-2", ",\"csat\":0") + "\n{broken\n"
        + "{\"type\":\"qa_evaluation\",\"evaluationId\":\"q-1\",\"agentId\":\"agent-7\",\"evaluatedAt\":\"" + T
        + "\",\"criteria\":[{\"skill\":\"Rapport\",\"score\":4,\"maxScore\":5}]}", TOKEN);
    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("accepted").asInt()).isEqualTo(2);
    assertThat(body.get("rejected").asInt()).isEqualTo(2);
    JsonNode results = body.get("results");
    assertThat(results.get(0).get("status").asText()).isEqualTo("accepted");
    assertThat(results.get(1).get("reason").asText()).isEqualTo("OUT_OF_RANGE");
    assertThat(results.get(1).get("field").asText()).isEqualTo("csat");
    assertThat(results.get(1).get("message").asText()).isEqualTo("csat: csat must be between 1 and 5, was 0");
    assertThat(results.get(2).get("index").asInt()).isEqualTo(2);
    assertThat(results.get(2).get("reason").asText()).isEqualTo("BAD_JSON");
    assertThat(results.get(3).get("topic").asText()).isEqualTo(names.qaEvaluations());
  }

  @Test
  void allRejectedOrMalformedIs400() throws Exception {
    HttpResponse<String> rejected = post(interaction("r-1", ",\"skillSignals\":{\"charm\":50}"), TOKEN);
    assertThat(rejected.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(rejected.body()).get("results").get(0).get("reason").asText()).isEqualTo("UNKNOWN_SKILL");

    HttpResponse<String> malformed = post("[{\"type\":", TOKEN);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(malformed.body()).get("error").asText()).isEqualTo("BAD_JSON");

    assertThat(post("", TOKEN).statusCode()).isEqualTo(400);
  }

  @Test
  void overTheBodyLimitIs413() throws Exception {
    String padding = "x".repeat(BODY_LIMIT);
    HttpResponse<String> response = post(interaction("big-1", ",\"source\":\"" + padding + "\""), TOKEN);
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("TOO_LARGE");
  }

  @Test
  void farOverTheBodyLimitTheClientStillReceivesIts413() throws Exception {
    // A little more than the JDK server drains by itself (64 KiB): left unread, it resets the connection under the answer.
    String body = "[" + interaction("big-2", "") + "]" + " ".repeat(65_536);
    for (int i = 0; i < 5; i++) { // whether the reset overtakes the answer is a matter of timing: try a few times
      HttpResponse<String> response = post(body, TOKEN);
      assertThat(response.statusCode()).isEqualTo(413);
      assertThat(JSON.readTree(response.body()).get("message").asText()).isEqualTo("the body is larger than 4096 bytes; split it");
    }
  }

  @Test
  void withoutTheRightTokenIs401() throws Exception {
    assertThat(post(interaction("a-1", ""), null).statusCode()).isEqualTo(401);
    HttpResponse<String> wrong = post(interaction("a-1", ""), "guess");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
  }

  @Test
  void healthReadyAndMetrics() throws Exception {
    assertThat(get("/health").statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).until(() -> get("/ready").statusCode() == 200);
    post(interaction("metrics-1", ""), TOKEN);
    assertThat(get("/metrics").body()).contains("coachstream_ingest_records_total");
  }
}
