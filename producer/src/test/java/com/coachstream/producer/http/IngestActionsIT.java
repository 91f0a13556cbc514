package com.coachstream.producer.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.ActionType;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.DismissReason;
import com.coachstream.common.config.Settings;
import com.coachstream.common.security.DemoUsers;
import com.coachstream.common.security.Role;
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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /v1/actions} and actions on {@code POST /v1/events}, onto a real broker, with the bearer token kept. */
@Tag("integration")
@Timeout(120)
@ExtendWith(KafkaBrokerExtension.class)
class IngestActionsIT {

  static final String TOKEN = "act-token";
  static final ObjectMapper JSON = new ObjectMapper();
  static final String T = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();

  static final DemoUsers.User SUPERVISOR = DemoUsers.User.of("sup-1", "sup-1-api-token", Role.SUPERVISOR, Set.of("team-1"), null);
  static final DemoUsers.User AGENT = DemoUsers.User.of("agent-7", "agent-7-api-token", Role.AGENT, Set.of(), "agent-7");

  final HttpClient client = HttpClient.newHttpClient();

  @TempDir
  Path dir;

  @Test
  void validActionsReachTheActionsTopicKeyedByAgentAndInvalidOnesAreRejectedWithReasons(KafkaTestBroker broker) throws Exception {
    TopicNames names = TopicNames.DEFAULTS.withPrefix(broker.uniqueName("acts") + ".");
    broker.createTopics(Map.of(names.interactions(), 1, names.qaEvaluations(), 1, names.agents(), 1, names.actions(), 2));
    Map<String, String> settings = new HashMap<>(names.asMap());
    settings.put("bootstrap.servers", broker.bootstrapServers());
    settings.put(IngestServer.HOST, "127.0.0.1");
    settings.put(IngestServer.PORT, "0");
    settings.put(IngestServer.BEARER_TOKEN, TOKEN);
    settings.put("security.users-file", DemoUsers.write(dir.resolve("users.json"), List.of(SUPERVISOR, AGENT)).toString());
    try (IngestServer server = IngestServer.start(Settings.of(settings))) {
      String base = "http://127.0.0.1:" + server.port();
      String dismissal = "{\"actionId\":\"act-1\",\"agentId\":\"agent-7\",\"alertId\":\"al-1\",\"type\":\"DISMISSED\","
          + "\"reason\":\"FALSE_ALARM\",\"actorId\":\"sup-1\",\"at\":\"" + T + "\",\"note\":\"n\"}";
      String snoozeWithoutUntil = "{\"actionId\":\"act-2\",\"agentId\":\"agent-7\",\"category\":\"SOFT\",\"type\":\"SNOOZED\","
          + "\"actorId\":\"sup-1\",\"at\":\"" + T + "\"}";
      String eventForm = "{\"type\":\"action\",\"actionType\":\"ACKNOWLEDGED\",\"actionId\":\"act-3\",\"agentId\":\"agent-8\","
          + "\"category\":\"HARD\",\"actorId\":\"sup-1\",\"at\":\"" + T + "\"}";
      String interaction = "{\"type\":\"interaction\",\"interactionId\":\"i-1\",\"agentId\":\"agent-7\",\"channel\":\"CHAT\","
          + "\"startedAt\":\"" + T + "\",\"endedAt\":\"" + T + "\"}";

      HttpResponse<String> response = post(base + "/v1/actions", dismissal + "\n" + snoozeWithoutUntil + "\n" + eventForm
          + "\n" + interaction, TOKEN);
      assertThat(response.statusCode()).isEqualTo(202);
      JsonNode results = JSON.readTree(response.body()).get("results");
      assertThat(results.get(0).get("status").asText()).isEqualTo("accepted");
      assertThat(results.get(0).get("topic").asText()).isEqualTo(names.actions());
      assertThat(results.get(1).get("reason").asText()).isEqualTo("MISSING_FIELD");
      assertThat(results.get(1).get("field").asText()).isEqualTo("until");
      assertThat(results.get(2).get("status").asText()).isEqualTo("accepted");
      assertThat(results.get(3).get("reason").asText()).isEqualTo("UNKNOWN_TYPE");

      assertThat(post(base + "/v1/actions", dismissal, null).statusCode()).isEqualTo(401);
      assertThat(post(base + "/v1/actions", snoozeWithoutUntil, TOKEN).statusCode()).isEqualTo(400);
      HttpResponse<String> viaEvents = post(base + "/v1/events", eventForm.replace("act-3", "act-4"), TOKEN);
      assertThat(viaEvents.statusCode()).isEqualTo(202);
      // a supervisor posts their own actions only; an agent none; events are for senders
      String own = eventForm.replace("act-3", "act-5").replace("agent-8", "agent-9");
      assertThat(post(base + "/v1/actions", own.replace("sup-1", "sup-2"), SUPERVISOR.secret()).statusCode())
          .as("another supervisor's action").isEqualTo(403);
      assertThat(post(base + "/v1/actions", own, AGENT.secret()).statusCode()).isEqualTo(403);
      assertThat(post(base + "/v1/events", own, SUPERVISOR.secret()).statusCode()).isEqualTo(403);
      assertThat(post(base + "/v1/actions", own, SUPERVISOR.secret()).statusCode()).isEqualTo(202);

      Topics topics = new Topics(names);
      List<ConsumerRecord<String, CoachingAction>> stored = TopicReader.readExactly(broker.clientProperties(),
          names.actions(), 4, topics.actions().keySerde().deserializer(), topics.actions().valueSerde().deserializer());
      assertThat(stored).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("agent-7", "agent-8", "agent-8", "agent-9");
      assertThat(stored).filteredOn(r -> r.value().getActionId().equals("act-1")).singleElement().satisfies(r -> {
        assertThat(r.value().getType()).isEqualTo(ActionType.DISMISSED);
        assertThat(r.value().getReason()).isEqualTo(DismissReason.FALSE_ALARM);
      });
      assertThat(stored).filteredOn(r -> r.value().getActionId().equals("act-4")).singleElement()
          .satisfies(r -> assertThat(r.value().getType()).isEqualTo(ActionType.ACKNOWLEDGED));
    }
  }

  private HttpResponse<String> post(String url, String body, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
