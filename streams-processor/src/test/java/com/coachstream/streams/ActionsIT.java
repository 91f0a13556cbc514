package com.coachstream.streams;

import static com.coachstream.streams.StreamsTestInstances.producer;
import static com.coachstream.streams.StreamsTestInstances.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.coachstream.avro.ActionType;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.DismissReason;
import com.coachstream.avro.SkillCategory;
import com.coachstream.common.config.Settings;
import com.coachstream.common.security.DemoUsers;
import com.coachstream.common.security.Role;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.schemas.deadletter.DeadLetter;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Supervisors' actions on a real broker, through the streams processor to its query API and metrics: two
 * agents slip, one alert is dismissed as a false alarm (by alertId), the other acknowledged (by category, no
 * alertId); a re-sent action changes nothing; an invalid one is dead-lettered; the inbox empties and the rule's
 * precision is 0.5, in the query API and in Prometheus; a new instance with empty local state restores all of it.
 */
@Tag("integration")
@Timeout(240)
@ExtendWith(KafkaBrokerExtension.class)
class ActionsIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path stateDir;

  @Test
  void actionsCloseAlertsAndFalseAlarmsShowInTheRulesPrecision(KafkaTestBroker broker) throws Exception {
    TopicNames names = StreamsTestInstances.createTopics(broker, "act", 2);
    Topics topics = new Topics(names);
    Instant day = Instant.now().minus(Duration.ofDays(2));
    String appId = broker.uniqueName("actions-it");

    try (StreamsService service = StreamsService.start(settings(broker, names, appId, "first"));
         KafkaProducer<byte[], byte[]> producer = producer(broker)) {
      await().atMost(Duration.ofSeconds(120)).until(() -> service.state() == KafkaStreams.State.RUNNING);
      for (String agent : List.of("agent-0", "agent-1")) {
        for (int i = 0; i < 6; i++) {
          send(producer, topics.qaEvaluations(), agent,
              TestEvents.evaluation(agent + "-e" + i, agent, day.plusSeconds(i * 60L), Map.of("empathy", 4.0)));
        }
      }
      String base = "http://127.0.0.1:" + service.opsPort();
      String since = "?since=" + day.minus(Duration.ofDays(1));
      JsonNode open = await().atMost(Duration.ofSeconds(90)).until(() -> get(base + "/api/alerts" + since + "&status=open"),
          body -> body.path("alerts").size() == 2).path("alerts");
      String alertOfAgent0 = open.get(0).path("agentId").asText().equals("agent-0")
          ? open.get(0).path("alertId").asText() : open.get(1).path("alertId").asText();

      Instant at = day.plus(Duration.ofHours(1));
      CoachingAction dismissal = action("a-1", "agent-0", ActionType.DISMISSED, at).setAlertId(alertOfAgent0)
          .setReason(DismissReason.FALSE_ALARM).setNote("not really slipping").build();
      send(producer, topics.actions(), "agent-0", dismissal);
      send(producer, topics.actions(), "agent-0", dismissal);
      send(producer, topics.actions(), "agent-1", action("a-2", "agent-1", ActionType.ACKNOWLEDGED, at)
          .setCategory(SkillCategory.SOFT).build());
      send(producer, topics.actions(), "agent-1", action("a-3", "agent-1", ActionType.SNOOZED, at)
          .setCategory(SkillCategory.SOFT).build()); // no until: invalid
      producer.flush();

      await().atMost(Duration.ofSeconds(90)).until(() -> get(base + "/api/alerts" + since + "&status=closed"),
          body -> body.path("alerts").size() == 2);
      assertThat(get(base + "/api/alerts" + since + "&status=open").path("alerts")).isEmpty();
      JsonNode dismissed = get(base + "/api/alerts" + since + "&status=dismissed").path("alerts");
      assertThat(dismissed).hasSize(1);
      assertThat(dismissed.get(0).path("actorId").asText()).isEqualTo("sup-1");
      assertThat(dismissed.get(0).path("dismissReason").asText()).isEqualTo("FALSE_ALARM");
      assertThat(dismissed.get(0).toString()).doesNotContain("not really slipping");

      JsonNode rules = get(base + "/api/rules/precision").path("rules");
      assertThat(rules).hasSize(1);
      assertThat(rules.get(0).path("rule").asText()).isEqualTo("threshold:BELOW_FLOOR");
      assertThat(rules.get(0).path("alertsRaised").asLong()).isEqualTo(2);
      assertThat(rules.get(0).path("falseAlarms").asLong()).isEqualTo(1);
      assertThat(rules.get(0).path("precision").asDouble()).isEqualTo(0.5);

      await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(text(base + "/metrics"))
          .contains("rule_false_alarms").contains("rule=\"threshold:BELOW_FLOOR\"").doesNotContain("not really slipping"));

      List<ConsumerRecord<byte[], byte[]>> dead = new ArrayList<>();
      try (KafkaConsumer<byte[], byte[]> consumer = consumer(broker)) {
        consumer.subscribe(List.of(names.deadLetter()));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
          consumer.poll(Duration.ofMillis(200)).forEach(dead::add);
          return !dead.isEmpty();
        });
      }
      assertThat(dead).singleElement().satisfies(r -> {
        assertThat(DeadLetter.header(r.headers(), DeadLetter.REASON)).isEqualTo("MISSING_FIELD");
        assertThat(DeadLetter.header(r.headers(), DeadLetter.SOURCE_TOPIC)).isEqualTo(names.actions());
      });
    }

    // a new instance with empty local state restores statuses and counts from the changelogs
    try (StreamsService restored = StreamsService.start(settings(broker, names, appId, "second"))) {
      String base = "http://127.0.0.1:" + restored.opsPort();
      await().atMost(Duration.ofSeconds(120)).ignoreExceptions().untilAsserted(() -> {
        JsonNode rules = get(base + "/api/rules/precision").path("rules");
        assertThat(rules.get(0).path("alertsRaised").asLong()).isEqualTo(2);
        assertThat(rules.get(0).path("falseAlarms").asLong()).isEqualTo(1);
      });
      String since = "?since=" + day.minus(Duration.ofDays(1));
      assertThat(get(base + "/api/alerts" + since + "&status=closed").path("alerts")).hasSize(2);
    }
  }

  private static CoachingAction.Builder action(String id, String agent, ActionType type, Instant at) {
    return CoachingAction.newBuilder().setActionId(id).setAgentId(agent).setType(type).setActorId("sup-1").setAt(at);
  }

  private static final DemoUsers.User QA_MANAGER =
      DemoUsers.User.of("qa-1", "qa-manager-secret-token", Role.QA_MANAGER, Set.of(), null);

  private static JsonNode get(String url) throws Exception {
    return JSON.readTree(text(url));
  }

  private static String text(String url) throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", QA_MANAGER.bearer()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(url + ": " + answer.body()).isEqualTo(200);
    return answer.body();
  }

  private Settings settings(KafkaTestBroker broker, TopicNames names, String appId, String instance) {
    Map<String, String> map = StreamsTestInstances.settings(broker, names, appId, stateDir.resolve(instance));
    // a QA manager sees every team's alerts and the rules' precision
    map.put("security.users-file", DemoUsers.write(stateDir.resolve("users.json"), List.of(QA_MANAGER)).toString());
    map.put("security.service-secret", "a-shared-secret-of-the-instances-of-this-test");
    map.put("kafka.commit.interval.ms", "100");
    // the rule's metrics appear with its first alert: picked up for /metrics within 1 s, not the default minute
    map.put("metrics.refresh.interval", "1s");
    return Settings.of(map);
  }

  private static KafkaConsumer<byte[], byte[]> consumer(KafkaTestBroker broker) {
    Properties props = broker.clientProperties();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, broker.uniqueName("dead"));
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
