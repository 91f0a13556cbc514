package com.coachstream.producer.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.common.config.Settings;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.producer.support.FuzzBodies;
import com.coachstream.producer.support.FuzzBodies.Body;
import com.coachstream.producer.support.FuzzTally;
import com.coachstream.producer.support.LogCapture;
import com.coachstream.producer.support.Samples;
import com.coachstream.producer.support.TopicReader;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.schemas.validation.ReasonCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fuzzes {@code POST /v1/events} over real HTTP onto a real broker (issue 8 item 6): generated and mutated bodies
 * (see {@link FuzzBodies}). Every request is answered in bounded time with 202, 400 or 413 and JSON; a body
 * refused as a whole names a reason code; otherwise every event gets a result, accepted (and then on the topic)
 * or rejected with a reason code; no answer and no log line repeats a customer reference.
 * {@link RequestBodyFuzzTest} runs many more bodies through the parsing alone.
 */
@Tag("integration")
@Tag("faults")
@Timeout(180)
@ExtendWith(KafkaBrokerExtension.class)
class IngestFuzzIT {

  static final int BODIES = 200;
  static final int BODY_LIMIT = 64 * 1024;
  static final ObjectMapper JSON = new ObjectMapper();
  static final Set<String> REASONS = Arrays.stream(ReasonCode.values()).map(Enum::name).collect(Collectors.toSet());

  final HttpClient client = HttpClient.newHttpClient();

  @Test
  void everyBodyIsAnsweredAndEveryEventGetsAResult(KafkaTestBroker broker) throws Exception {
    TopicNames names = TopicNames.DEFAULTS.withPrefix(broker.uniqueName("http-fuzz") + ".");
    broker.createTopics(Map.of(names.interactions(), 3, names.qaEvaluations(), 3, names.agents(), 1));
    FuzzTally tally = new FuzzTally("HTTP ingest, POST /v1/events on a real broker");
    Set<String> customerRefs = new HashSet<>();
    long accepted = 0;
    List<String> logLines;
    try (LogCapture logs = LogCapture.start(); IngestServer server = IngestServer.start(settings(broker, names))) {
      URI events = URI.create("http://127.0.0.1:" + server.port() + "/v1/events");
      for (Body body : Samples.draw("HTTP bodies", FuzzBodies.bodies(BODY_LIMIT), BODIES)) {
        tally.tried(body.kind());
        customerRefs.addAll(body.customerRefs());
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(events)
            .timeout(Duration.ofSeconds(60)) // no hang: an unanswered request fails here
            .header("Authorization", "Bearer " + SENDER_TOKEN)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build(), HttpResponse.BodyHandlers.ofString());
        accepted += checkAnswer(body, response, tally);
      }
      logLines = logs.lines();
    }
    tally.print();
    assertThat(TopicReader.count(broker.clientProperties(), List.of(names.interactions(), names.qaEvaluations(), names.agents())))
        .as("records on the topics = events answered 'accepted'").isEqualTo(accepted);
    customerRefs.forEach(ref -> assertThat(logLines).noneMatch(line -> line.contains(ref)));
  }

  /** Checks one answer; returns how many of its events were accepted. */
  private static long checkAnswer(Body body, HttpResponse<String> response, FuzzTally tally) throws Exception {
    int status = response.statusCode();
    assertThat(status).as("status for %s", body).isIn(202, 400, 413);
    body.customerRefs().forEach(ref -> assertThat(response.body()).as("answer to %s", body).doesNotContain(ref));
    JsonNode answer = JSON.readTree(response.body());
    if (answer.has("error")) {
      tally.answered(status + " " + answer.get("error").asText());
      assertThat(status).isIn(400, 413);
      assertThat(answer.get("error").asText()).isIn(REASONS);
      return 0;
    }
    JsonNode results = answer.get("results");
    if (body.events() != FuzzBodies.UNKNOWN) {
      assertThat(results).as("a result per event of %s", body).hasSize(body.events());
    }
    long accepted = 0;
    for (int i = 0; i < results.size(); i++) {
      JsonNode result = results.get(i);
      assertThat(result.get("index").asInt()).isEqualTo(i);
      String outcome = result.get("status").asText();
      if (outcome.equals("accepted")) {
        accepted++;
        tally.answered("accepted");
        assertThat(result.get("offset").asLong()).isNotNegative();
      } else {
        assertThat(outcome).as("result %d of %s", i, body).isEqualTo("rejected");
        assertThat(result.get("reason").asText()).isIn(REASONS);
        assertThat(result.get("message").asText()).isNotBlank();
        tally.answered("rejected " + result.get("reason").asText());
      }
    }
    assertThat(answer.get("accepted").asLong()).isEqualTo(accepted);
    assertThat(status).as("202 when any event was accepted, else 400").isEqualTo(accepted > 0 ? 202 : 400);
    return accepted;
  }

  private static final String SENDER_TOKEN = "fuzz-sender-token-0123456789";

  private static Settings settings(KafkaTestBroker broker, TopicNames names) {
    Map<String, String> settings = new HashMap<>(names.asMap());
    settings.put("bootstrap.servers", broker.bootstrapServers());
    settings.put(IngestServer.HOST, "127.0.0.1");
    settings.put(IngestServer.PORT, "0");
    settings.put(IngestServer.BODY_LIMIT, String.valueOf(BODY_LIMIT));
    settings.put(IngestServer.BEARER_TOKEN, SENDER_TOKEN);
    return Settings.of(settings);
  }
}
