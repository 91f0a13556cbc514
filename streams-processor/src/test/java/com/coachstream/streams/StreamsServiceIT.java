package com.coachstream.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.coachstream.avro.AgentSkillWindow;
import com.coachstream.avro.AgentWindowKey;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.common.config.Settings;
import com.coachstream.common.security.DemoUsers;
import com.coachstream.common.security.Role;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.schemas.deadletter.DeadLetter;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.schemas.topics.Topics;
import com.coachstream.streams.topology.CoachingTopology;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances sharing an application id on a real broker: the final windows and the alert sequence equal
 * a reference computed here from all observations (no code shared with the implementation), undecodable
 * input is dead-lettered with its headers, and a query reaches the instance holding the agent.
 */
@Tag("integration")
@Timeout(240)
@ExtendWith(KafkaBrokerExtension.class)
class StreamsServiceIT {

  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final int AGENTS = 8;
  private static final int DAYS = 20;

  @TempDir
  Path stateDir;

  private static final DemoUsers.User SUPERVISOR_A =
      DemoUsers.User.of("sup-a", "supervisor-a-secret-token", Role.SUPERVISOR, Set.of("team-a"), null);
  private static final DemoUsers.User SUPERVISOR_B =
      DemoUsers.User.of("sup-b", "supervisor-b-secret-token", Role.SUPERVISOR, Set.of("team-b"), null);

  /** One observation as the reference sees it: one source event scoring one SOFT skill. */
  record Obs(String agent, String source, String skill, double score, long time) { }

  @Test
  void twoInstancesProduceTheReferenceWindowsAndAlertsAndAnswerQueriesForEachOther(KafkaTestBroker broker) throws Exception {
    TopicNames names = StreamsTestInstances.createTopics(broker, "sp", 4);
    Topics topics = new Topics(names);
    String appId = broker.uniqueName("streams-it");

    long start = (Instant.now().toEpochMilli() / DAY - DAYS - 2) * DAY;
    List<Obs> scenario = scenario(start);
    try (StreamsService one = StreamsService.start(settings(broker, names, appId, "one"));
         StreamsService two = StreamsService.start(settings(broker, names, appId, "two"))) {
      // both running with partitions of their own, so queries must cross instances
      await().atMost(Duration.ofSeconds(120)).until(() -> hasActiveTasks(one) && hasActiveTasks(two));
      produce(broker, topics, scenario);

      Map<String, String> expected = referenceWindows(scenario);
      Map<String, String> actual = new TreeMap<>();
      List<CoachingAlert> alerts = new ArrayList<>();
      List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
      try (KafkaConsumer<byte[], byte[]> consumer = consumer(broker)) {
        consumer.subscribe(List.of(names.skillScores(), names.alerts(), names.deadLetter()));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(10)).until(() -> {
          for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(300))) {
            if (r.topic().equals(names.skillScores())) {
              AgentWindowKey key = topics.skillScores().keySerde().deserializer().deserialize(r.topic(), r.key());
              AgentSkillWindow value = topics.skillScores().valueSerde().deserializer().deserialize(r.topic(), r.value());
              String k = key.getAgentId() + "@" + key.getWindowStart().toEpochMilli();
              if (value == null) {
                actual.remove(k);
              } else {
                actual.put(k, canonical(value));
              }
            } else if (r.topic().equals(names.alerts())) {
              alerts.add(topics.alerts().valueSerde().deserializer().deserialize(r.topic(), r.value()));
            } else {
              deadLetters.add(r);
            }
          }
          return actual.equals(expected) && !deadLetters.isEmpty();
        });
      }
      assertThat(actual).isEqualTo(expected);
      assertThat(expected).hasSizeGreaterThan(AGENTS * DAYS);

      Map<String, List<String>> alertsByAgent = new TreeMap<>();
      alerts.forEach(a -> alertsByAgent.computeIfAbsent(a.getAgentId(), k -> new ArrayList<>())
          .add(a.getType() + " " + a.getCategory() + " " + a.getSourceId()));
      assertThat(alertsByAgent).isEqualTo(referenceAlerts(scenario)).isNotEmpty();

      ConsumerRecord<byte[], byte[]> dead = deadLetters.get(0);
      assertThat(dead.value()).isEqualTo("garbage".getBytes(StandardCharsets.UTF_8));
      assertThat(DeadLetter.header(dead.headers(), DeadLetter.STAGE)).isEqualTo("deserialize");
      assertThat(DeadLetter.header(dead.headers(), DeadLetter.REASON)).isEqualTo("BAD_AVRO");
      assertThat(DeadLetter.header(dead.headers(), DeadLetter.SOURCE_TOPIC)).isEqualTo(names.interactions());
      assertThat(DeadLetter.header(dead.headers(), DeadLetter.SOURCE_PARTITION)).isNotNull();
      assertThat(DeadLetter.header(dead.headers(), DeadLetter.SOURCE_OFFSET)).isNotNull();
      assertThat(DeadLetter.header(dead.headers(), DeadLetter.MESSAGE)).isNotBlank();
      assertThat(DeadLetter.header(dead.headers(), DeadLetter.FAILED_AT)).isNotBlank();

      String remoteAgent = null;
      for (int a = 0; a < AGENTS && remoteAgent == null; a++) {
        var owner = one.streams().queryMetadataForKey(CoachingTopology.AGENT_STATE_STORE, "agent-" + a,
            Serdes.String().serializer());
        if (owner.activeHost().port() == two.opsPort()) {
          remoteAgent = "agent-" + a;
        }
      }
      assertThat(remoteAgent).as("some agent is held by instance two").isNotNull();
      String scores = "/api/agents/" + remoteAgent + "/scores?from=" + start + "&to=" + Instant.ofEpochMilli(start + DAYS * DAY);
      HttpResponse<String> answer = get(one.opsPort(), scores, SUPERVISOR_A);
      assertThat(answer.statusCode()).isEqualTo(200);
      JsonNode body = new ObjectMapper().readTree(answer.body());
      assertThat(body.path("windows").size()).isGreaterThanOrEqualTo(DAYS);
      // forwarded with a service token acting for the caller: the owner applies the caller's scope
      HttpResponse<String> otherTeam = get(one.opsPort(), scores, SUPERVISOR_B);
      HttpResponse<String> unknown = get(one.opsPort(), "/api/agents/agent-nobody/scores", SUPERVISOR_B);
      assertThat(otherTeam.statusCode()).isEqualTo(404);
      assertThat(otherTeam.body()).isEqualTo(unknown.body().replace("agent-nobody", remoteAgent));
      assertThat(get(one.opsPort(), scores, null).statusCode()).isEqualTo(401);
      HttpResponse<String> team = get(one.opsPort(), "/api/teams/team-a/agents", SUPERVISOR_A);
      assertThat(new ObjectMapper().readTree(team.body()).path("agents").size()).isEqualTo(AGENTS);
      HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
          "http://127.0.0.1:" + two.opsPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.body()).contains("kafka_stream");
    }
  }

  /** Agents with three interactions a day; agents 0 and 1 drop sharply from day 12 on. */
  private static List<Obs> scenario(long start) {
    Random random = new Random(42);
    List<Obs> events = new ArrayList<>();
    for (int day = 0; day < DAYS; day++) {
      for (int n = 0; n < 3; n++) {
        for (int a = 0; a < AGENTS; a++) {
          boolean slipping = a < 2 && day >= 12;
          double score = slipping ? 30 + random.nextInt(20) : 75 + random.nextInt(25);
          String skill = List.of("empathy", "rapport", "patience").get(random.nextInt(3));
          long time = start + day * DAY + n * Duration.ofHours(7).toMillis() + a * 1000L;
          events.add(new Obs("agent-" + a, "i-" + a + "-" + day + "-" + n, skill, score, time));
        }
      }
    }
    return events;
  }

  private static void produce(KafkaTestBroker broker, Topics topics, List<Obs> scenario) {
    Properties props = broker.clientProperties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topics.interactions().name(), "agent-0".getBytes(StandardCharsets.UTF_8),
          "garbage".getBytes(StandardCharsets.UTF_8)));
      for (Obs o : scenario) {
        var event = TestEvents.interaction(o.source(), o.agent(), Instant.ofEpochMilli(o.time()), Map.of(o.skill(), o.score()));
        producer.send(new ProducerRecord<>(topics.interactions().name(), o.agent().getBytes(StandardCharsets.UTF_8),
            topics.interactions().valueSerde().serializer().serialize(topics.interactions().name(), event)));
      }
    }
  }

  /** Every window [s, s + 7d) (s on a UTC day) that holds an observation, recomputed from all observations. */
  private static Map<String, String> referenceWindows(List<Obs> all) {
    Map<String, String> windows = new TreeMap<>();
    for (Obs o : all) {
      long day = Math.floorDiv(o.time(), DAY) * DAY;
      for (long s = day - 6 * DAY; s <= day; s += DAY) {
        String key = o.agent() + "@" + s;
        if (!windows.containsKey(key)) {
          final long ws = s;
          windows.put(key, canonical(all.stream().filter(x -> x.agent().equals(o.agent())
              && x.time() >= ws && x.time() < ws + 7 * DAY).toList()));
        }
      }
    }
    return windows;
  }

  /** Alerts by replaying each agent's events in order and recomputing the current window each time. */
  private static Map<String, List<String>> referenceAlerts(List<Obs> all) {
    Map<String, List<String>> alerts = new TreeMap<>();
    Map<String, Boolean> slipping = new HashMap<>();
    Map<String, Long> lastSlip = new HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      Obs o = all.get(i);
      long ws = Math.floorDiv(o.time(), DAY) * DAY - 6 * DAY;
      List<Obs> seen = all.subList(0, i + 1).stream().filter(x -> x.agent().equals(o.agent())).toList();
      double score = categoryScore(seen, ws, ws + 7 * DAY);
      long samples = seen.stream().filter(x -> x.time() >= ws && x.time() < ws + 7 * DAY).count();
      List<Obs> base = seen.stream().filter(x -> x.time() >= ws - 28 * DAY && x.time() < ws).toList();
      Double baseline = base.isEmpty() ? null : categoryScore(base, ws - 28 * DAY, ws);
      boolean usable = base.size() >= 10;
      boolean isSlipping = samples >= 5 && (score < 70 || (usable && score <= baseline - 10));
      boolean was = slipping.getOrDefault(o.agent(), false);
      if (!was && isSlipping) {
        Long last = lastSlip.get(o.agent());
        if (last == null || o.time() - last >= DAY) {
          slipping.put(o.agent(), true);
          lastSlip.put(o.agent(), o.time());
          alerts.computeIfAbsent(o.agent(), k -> new ArrayList<>()).add("SLIP SOFT " + o.source());
        }
      } else if (was && samples >= 5 && score >= 73 && (!usable || score >= baseline - 10 + 3)) {
        slipping.put(o.agent(), false);
        alerts.computeIfAbsent(o.agent(), k -> new ArrayList<>()).add("RECOVERY SOFT " + o.source());
      }
    }
    return alerts;
  }

  private static double categoryScore(List<Obs> observations, long from, long to) {
    Map<String, double[]> bySkill = new TreeMap<>();
    observations.stream().filter(x -> x.time() >= from && x.time() < to).forEach(x -> {
      double[] sums = bySkill.computeIfAbsent(x.skill(), k -> new double[2]);
      sums[0] += x.score();
      sums[1] += 1;
    });
    return bySkill.values().stream().mapToDouble(s -> s[0] / s[1]).average().orElse(Double.NaN);
  }

  private static String canonical(List<Obs> inWindow) {
    StringBuilder text = new StringBuilder();
    Map<String, List<Obs>> bySkill = new TreeMap<>();
    inWindow.forEach(o -> bySkill.computeIfAbsent(o.skill(), k -> new ArrayList<>()).add(o));
    bySkill.forEach((skill, obs) -> text.append(String.format("%s:%.6f/%d/%.1f/%.1f;", skill,
        obs.stream().mapToDouble(Obs::score).average().orElseThrow(), obs.size(),
        obs.stream().mapToDouble(Obs::score).min().orElseThrow(), obs.stream().mapToDouble(Obs::score).max().orElseThrow())));
    text.append(String.format("SOFT:%.6f/%d;n=%d", categoryScore(inWindow, Long.MIN_VALUE, Long.MAX_VALUE),
        inWindow.size(), inWindow.size()));
    return text.toString();
  }

  private static String canonical(AgentSkillWindow w) {
    StringBuilder text = new StringBuilder();
    w.getSkills().forEach(s -> text.append(String.format("%s:%.6f/%d/%.1f/%.1f;", s.getSkill(), s.getScore(),
        s.getCount(), s.getMin(), s.getMax())));
    w.getCategories().forEach(c -> text.append(String.format("%s:%.6f/%d;", c.getCategory(), c.getScore(), c.getSamples())));
    text.append("n=").append(w.getKpis().getInteractions());
    return text.toString();
  }

  private static HttpResponse<String> get(int port, String path, DemoUsers.User user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (user != null) {
      request.header("Authorization", user.bearer());
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private Settings settings(KafkaTestBroker broker, TopicNames names, String appId, String instance) {
    Map<String, String> map = StreamsTestInstances.settings(broker, names, appId, stateDir.resolve(instance));
    map.put("security.users-file", DemoUsers.write(stateDir.resolve("users.json"), List.of(SUPERVISOR_A, SUPERVISOR_B))
        .toString());
    map.put("security.service-secret", "a-shared-secret-of-the-instances-of-this-test");
    map.put("scores.publish.interval", "500ms");
    map.put("kafka.commit.interval.ms", "100");
    return Settings.of(map);
  }

  private static boolean hasActiveTasks(StreamsService service) {
    return service.state() == KafkaStreams.State.RUNNING
        && service.streams().metadataForLocalThreads().stream().anyMatch(t -> !t.activeTasks().isEmpty());
  }

  private static KafkaConsumer<byte[], byte[]> consumer(KafkaTestBroker broker) {
    Properties props = broker.clientProperties();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, broker.uniqueName("check"));
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
