package com.coachstream.streams.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.coachstream.avro.ActionType;
import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.common.config.Settings;
import com.coachstream.common.security.DemoUsers;
import com.coachstream.common.security.Role;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.schemas.topics.Topics;
import com.coachstream.streams.StreamsService;
import com.coachstream.streams.StreamsTestInstances;
import com.coachstream.streams.TestEvents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Every endpoint of the streams processor × every kind of caller, on a real broker with a real OIDC issuer
 * (JWKS over HTTP): the status each gets, that no answer holds a byte of data outside the caller's scope
 * (errors included), that outside-scope answers equal unknown-id answers, and that no credential is logged.
 */
@Tag("integration")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(300)
class AccessControlIT {

  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final int DAYS = 20;
  private static final String PASSWORD_B = "bravo-supervisor-password";
  private static final DemoUsers.User AGENT = DemoUsers.User.of("alpha-1-user", "agent-alpha-1-api-token", Role.AGENT,
      Set.of(), "alpha-1");
  private static final DemoUsers.User SUPERVISOR_B = DemoUsers.User.of("sup-bravo", PASSWORD_B, Role.SUPERVISOR,
      Set.of("team-bravo"), null);
  private static final DemoUsers.User SENDER = DemoUsers.User.of("crm", "crm-sender-api-token", Role.SENDER, Set.of(), null);

  @TempDir
  Path dir;

  private final HttpClient http = HttpClient.newHttpClient();

  /** A caller: its Authorization header (null: none) and the team it may see (null: none or all). */
  private record Caller(String name, String authorization, String team) { }

  @Test
  void everyEndpointAnswersEveryCallerWithinItsScopeOnly(KafkaTestBroker broker) throws Exception {
    TopicNames names = StreamsTestInstances.createTopics(broker, "acl", 2);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(logs);
    try (TestIssuer issuer = new TestIssuer();
         StreamsService service = StreamsService.start(settings(broker, names, issuer))) {
      produce(broker, new Topics(names));
      List<Caller> callers = callers(issuer);
      Caller qa = callers.get(4);
      // both teams have a slipping agent: wait until the QA manager sees both alerts
      await().atMost(Duration.ofSeconds(120)).until(() -> {
        String alerts = get(service.opsPort(), "/api/alerts?since=2000-01-01T00:00:00Z", qa).body();
        return alerts.contains("\"alpha-1\"") && alerts.contains("\"bravo-1\"");
      });
      // each supervisor coaches their slipping agent: both teams have a coaching effect to keep apart
      coach(broker, new Topics(names), "alpha-1", "sup-alpha");
      coach(broker, new Topics(names), "bravo-1", "sup-bravo");
      await().atMost(Duration.ofSeconds(120)).until(() ->
          get(service.opsPort(), "/api/teams/team-alpha/effects", qa).body().contains("\"alpha-1\"")
              && get(service.opsPort(), "/api/teams/team-bravo/effects", qa).body().contains("\"bravo-1\""));

      List<String> endpoints = List.of("/api/agents/alpha-1/scores", "/api/agents/bravo-1/scores",
          "/api/agents/nobody-9/scores", "/api/teams/team-alpha/agents", "/api/teams/team-bravo/agents",
          "/api/teams/team-none/agents", "/api/alerts?since=2000-01-01T00:00:00Z", "/health", "/ready",
          "/openapi.yaml", "/metrics", "/api/alerts?since=2000-01-01T00:00:00Z&status=open", "/api/rules/precision",
          "/api/agents/alpha-1/effects", "/api/agents/bravo-1/effects", "/api/teams/team-alpha/effects",
          "/api/teams/team-bravo/effects", "/api/coaches/sup-alpha/effects");
      Map<String, String> expected = expectedStatuses();
      Map<String, String> actual = new LinkedHashMap<>();
      Map<String, String> bodies = new HashMap<>();
      int cells = 0;
      for (Caller caller : callers) {
        List<String> statuses = new ArrayList<>();
        for (String endpoint : endpoints) {
          HttpResponse<String> answer = get(service.opsPort(), endpoint, caller);
          statuses.add(String.valueOf(answer.statusCode()));
          bodies.put(caller.name() + " " + endpoint, answer.body());
          assertNothingOutsideScope(caller, endpoint, answer.body());
          cells++;
        }
        actual.put(caller.name(), String.join(" ", statuses));
      }
      System.out.printf("ACCESS MATRIX: %d endpoints x %d callers = %d cells, %s%n", endpoints.size(), callers.size(),
          cells, actual.equals(expected) ? "all as expected" : "MISMATCH");
      actual.forEach((caller, statuses) -> System.out.printf("  %-16s %s%n", caller, statuses));
      assertThat(actual).containsExactlyEntriesOf(expected);

      // no existence oracle: another team's agent or team answers exactly like an unknown one
      for (String caller : List.of("agent-alpha-1", "supervisor-alpha")) {
        assertThat(bodies.get(caller + " /api/agents/bravo-1/scores"))
            .isEqualTo(bodies.get(caller + " /api/agents/nobody-9/scores").replace("nobody-9", "bravo-1"));
      }
      assertThat(bodies.get("supervisor-alpha /api/teams/team-bravo/agents"))
          .isEqualTo(bodies.get("supervisor-alpha /api/teams/team-none/agents").replace("team-none", "team-bravo"));
      assertThat(bodies.get("supervisor-bravo /api/agents/alpha-1/scores"))
          .isEqualTo(bodies.get("supervisor-bravo /api/agents/nobody-9/scores").replace("nobody-9", "alpha-1"));
      // and what is in scope is there
      assertThat(bodies.get("supervisor-alpha /api/teams/team-alpha/agents")).contains("\"alpha-1\"", "\"alpha-2\"");
      assertThat(bodies.get("supervisor-alpha /api/alerts?since=2000-01-01T00:00:00Z")).contains("\"alpha-1\"");
      assertThat(bodies.get("agent-alpha-1 /api/alerts?since=2000-01-01T00:00:00Z")).contains("\"alpha-1\"");
      assertThat(bodies.get("supervisor-alpha /api/alerts?since=2000-01-01T00:00:00Z&status=open")).contains("\"alpha-1\"");
      assertThat(bodies.get("qa-manager /api/rules/precision")).contains("\"rule\"");
      // effects: in scope they are there; out of scope the answer is the one of an id without sessions
      assertThat(bodies.get("supervisor-alpha /api/teams/team-alpha/effects")).contains("\"alpha-1\"");
      assertThat(bodies.get("supervisor-alpha /api/coaches/sup-alpha/effects")).contains("\"alpha-1\"");
      assertThat(bodies.get("agent-alpha-1 /api/agents/alpha-1/effects")).contains("\"sup-alpha\"");
      assertThat(bodies.get("qa-manager /api/coaches/sup-alpha/effects")).contains("\"alpha-1\"");
      for (String caller : List.of("agent-alpha-1", "supervisor-alpha")) {
        assertThat(bodies.get(caller + " /api/agents/bravo-1/effects")).contains("\"effects\":[]");
        assertThat(bodies.get(caller + " /api/teams/team-bravo/effects")).contains("\"effects\":[]", "\"sessions\":0");
      }
      assertThat(bodies.get("supervisor-bravo /api/coaches/sup-alpha/effects")).contains("\"effects\":[]");
      assertThat(bodies.get("agent-alpha-1 /api/coaches/sup-alpha/effects")).contains("\"effects\":[]");
    } finally {
      root.detachAppender(logs);
    }
    List<String> secrets = List.of(AGENT.secret(), PASSWORD_B, SENDER.secret(), "Bearer ey",
        Base64.getEncoder().encodeToString(("sup-bravo:" + PASSWORD_B).getBytes(StandardCharsets.UTF_8)));
    assertThat(logs.list).isNotEmpty().allSatisfy(event -> assertThat(secrets)
        .noneMatch(secret -> event.getFormattedMessage().contains(secret)));
  }

  /**
   * Statuses in endpoint order: 3 agent scores, 3 teams, alerts, health, ready, openapi, metrics (closed here);
   * then open alerts, rule precision, 2 agents' effects, 2 teams' effects, a coach's effects (effects out of
   * scope answer 200 without the effects, like an id without sessions).
   */
  private static Map<String, String> expectedStatuses() {
    Map<String, String> expected = new LinkedHashMap<>();
    String refused = "401 401 401 401 401 401 401 200 200 200 401 401 401 401 401 401 401 401";
    expected.put("anonymous", refused);
    expected.put("agent-alpha-1", "200 404 404 403 403 403 200 200 200 200 403 200 403 200 200 200 200 200");
    expected.put("supervisor-alpha", "200 404 404 200 404 404 200 200 200 200 403 200 403 200 200 200 200 200");
    expected.put("supervisor-bravo", "404 200 404 404 200 404 200 200 200 200 403 200 403 200 200 200 200 200");
    expected.put("qa-manager", "200 200 404 200 200 404 200 200 200 200 403 200 200 200 200 200 200 200");
    expected.put("sender", "403 403 403 403 403 403 403 200 200 200 403 403 403 403 403 403 403 403");
    expected.put("forged-token", refused);
    expected.put("expired-token", refused);
    expected.put("wrong-audience", refused);
    expected.put("alg-none-token", refused);
    expected.put("garbage-token", refused);
    return expected;
  }

  private static List<Caller> callers(TestIssuer issuer) {
    String basicB = "Basic " + Base64.getEncoder().encodeToString(("sup-bravo:" + PASSWORD_B).getBytes(StandardCharsets.UTF_8));
    List<String> admin = List.of("admin");
    return List.of(
        new Caller("anonymous", null, null),
        new Caller("agent-alpha-1", AGENT.bearer(), "alpha-1"),
        // supervisor of team-alpha by the roster's supervisorId (no team claim in the token)
        new Caller("supervisor-alpha", "Bearer " + issuer.token("sup-alpha", List.of("supervisor"), List.of()), "team-alpha"),
        new Caller("supervisor-bravo", basicB, "team-bravo"),
        new Caller("qa-manager", "Bearer " + issuer.token("qa-1", List.of("qa-manager"), List.of()), null),
        new Caller("sender", SENDER.bearer(), null),
        new Caller("forged-token", "Bearer " + issuer.forged("root", admin), null),
        new Caller("expired-token", "Bearer " + issuer.expired("root", admin), null),
        new Caller("wrong-audience", "Bearer " + issuer.wrongAudience("root", admin), null),
        new Caller("alg-none-token", "Bearer " + issuer.unsigned("root", admin), null),
        new Caller("garbage-token", "Bearer abc.def.ghi", null));
  }

  /**
   * An answer names no agent or team outside the caller's scope, except the one id the request itself named
   * (a 404 repeats it, as it would for any unknown id). Callers without a scope see no agent data at all.
   */
  private static void assertNothingOutsideScope(Caller caller, String endpoint, String body) {
    if (endpoint.equals("/openapi.yaml") || endpoint.equals("/metrics")) {
      return; // the document's examples and the meters name no agent of these teams
    }
    String named = endpoint.replaceAll("^/api/(agents|teams|coaches)/([^/]+)/.*$", "$2");
    String rest = body.replace("\"" + named + "\"", "").replace(" " + named, "");
    List<String> forbidden = new ArrayList<>();
    if ("alpha-1".equals(caller.team())) {
      forbidden.addAll(List.of("alpha-2", "bravo"));
    } else if ("team-alpha".equals(caller.team())) {
      forbidden.add("bravo");
    } else if ("team-bravo".equals(caller.team())) {
      forbidden.add("alpha");
    } else if (!caller.name().equals("qa-manager")) {
      forbidden.addAll(List.of("alpha", "bravo", "windowStart"));
    }
    assertThat(forbidden).as("%s asking %s got %s", caller.name(), endpoint, body).noneMatch(rest::contains);
  }

  private HttpResponse<String> get(int port, String path, Caller caller) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (caller.authorization() != null) {
      request.header("Authorization", caller.authorization());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Two agents per team, each with a roster entry naming its supervisor; agent 1 of each team slips on day 12. */
  private static void produce(KafkaTestBroker broker, Topics topics) {
    Properties props = broker.clientProperties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    long start = (Instant.now().toEpochMilli() / DAY - DAYS - 2) * DAY;
    Random random = new Random(7);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (String team : List.of("alpha", "bravo")) {
        for (int n = 1; n <= 2; n++) {
          String agent = team + "-" + n;
          AgentProfile profile = AgentProfile.newBuilder().setAgentId(agent).setDisplayName("Agent " + agent)
              .setTeamId("team-" + team).setSupervisorId("sup-" + team).setActive(true).build();
          producer.send(new ProducerRecord<>(topics.agents().name(), bytes(agent),
              topics.agents().valueSerde().serializer().serialize(topics.agents().name(), profile)));
        }
      }
      producer.flush();
      for (int day = 0; day < DAYS; day++) {
        for (int i = 0; i < 3; i++) {
          for (String agent : List.of("alpha-1", "alpha-2", "bravo-1", "bravo-2")) {
            boolean slipping = agent.endsWith("-1") && day >= 12;
            double score = slipping ? 30 + random.nextInt(20) : 75 + random.nextInt(25);
            long time = start + day * DAY + i * Duration.ofHours(7).toMillis();
            InteractionEvent event = InteractionEvent.newBuilder(TestEvents.interaction(agent + "-" + day + "-" + i, agent,
                Instant.ofEpochMilli(time), Map.of("empathy", score))).setTeamId("team-" + agent.split("-")[0]).build();
            producer.send(new ProducerRecord<>(topics.interactions().name(), bytes(agent),
                topics.interactions().valueSerde().serializer().serialize(topics.interactions().name(), event)));
          }
        }
      }
    }
  }

  /** A coaching session of {@code agent} by {@code coach} three days ago, on the empathy skill. */
  private static void coach(KafkaTestBroker broker, Topics topics, String agent, String coach) {
    Properties props = broker.clientProperties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    Instant now = Instant.now();
    CoachingAction session = CoachingAction.newBuilder().setActionId("coached-" + agent).setAgentId(agent)
        .setType(ActionType.COACHED).setActorId(coach).setAt(now).setSessionAt(now.minus(Duration.ofDays(3)))
        .setSkills(List.of("empathy")).build();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topics.actions().name(), bytes(agent),
          topics.actions().valueSerde().serializer().serialize(topics.actions().name(), session)));
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private Settings settings(KafkaTestBroker broker, TopicNames names, TestIssuer issuer) {
    Map<String, String> map = StreamsTestInstances.settings(broker, names, broker.uniqueName("acl-it"), dir.resolve("state"));
    map.put("scores.publish.interval", "500ms");
    map.put("kafka.commit.interval.ms", "100");
    map.put("security.users-file", DemoUsers.write(dir.resolve("users.json"), List.of(AGENT, SUPERVISOR_B, SENDER)).toString());
    map.put("security.oidc.issuer", TestIssuer.ISSUER);
    map.put("security.oidc.jwks-url", issuer.jwksUrl());
    map.put("security.oidc.audience", TestIssuer.AUDIENCE);
    map.put("security.oidc.algorithms", "RS256");
    map.put("security.metrics-open", "false");
    return Settings.of(map);
  }
}
