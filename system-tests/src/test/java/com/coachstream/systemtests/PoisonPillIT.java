package com.coachstream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.AgentSkillWindow;
import com.coachstream.avro.AlertType;
import com.coachstream.avro.CategoryScore;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.avro.SkillCategory;
import com.coachstream.common.config.Settings;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.launcher.demo.Pipeline;
import com.coachstream.schemas.deadletter.DeadLetter;
import com.coachstream.schemas.topics.Topics;
import com.coachstream.systemtests.support.Events;
import com.coachstream.systemtests.support.GroupProgress;
import com.coachstream.systemtests.support.PipelineOutputs;
import com.coachstream.systemtests.support.PoisonPills;
import com.coachstream.systemtests.support.Quiescence;
import com.coachstream.systemtests.support.RawInput;
import com.coachstream.systemtests.support.RawInput.Sent;
import com.coachstream.systemtests.support.StreamsRuns;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/concepts.md, docs/topics.md: bad records on every input topic — noise, truncated Avro, a record of another schema, records
 * that break a validation rule, a tombstone, a late event — each end in the dead-letter topic with the stage
 * and reason of docs/topics.md and their original bytes; the streams processor and the notifier go on (records after
 * the pills are scored, alerted and delivered); and per input topic, accepted + dead-lettered = produced.
 * A value over the broker's 2 MiB limit, and a keyless record on the compacted roster topic, are refused by the
 * broker when produced, so they never reach the pipeline ({@link LargeValueIT} covers a large value the broker takes).
 */
@Tag("integration")
@Tag("faults")
@Timeout(240)
@ExtendWith(KafkaBrokerExtension.class)
class PoisonPillIT {

  private static final List<String> STEADY = List.of("pp-agent-1", "pp-agent-2", "pp-agent-3", "pp-agent-4");
  private static final String SLIPPER = "pp-slipper";
  /**
   * The time the test's events are dated from. Its events span the two hours before it, and the latest window per
   * agent that the accounting reads must hold all of them: in the first hours of a UTC day they would straddle
   * midnight, and the window starting that day would hold only part of them, so the test then dates them from a
   * minute before midnight.
   */
  private static final Instant NOW = clearOfMidnight(Instant.now());

  private static Instant clearOfMidnight(Instant now) {
    Instant midnight = now.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
    return now.isBefore(midnight.plus(Duration.ofHours(3))) ? midnight.minusSeconds(60) : now;
  }

  private final Random random = new Random(42);
  /** "topic/partition/offset" of every pill that reached its topic -> "stage/REASON" expected on its dead letter. */
  private final Map<String, String> expectedDeadLetters = new LinkedHashMap<>();
  private final Map<String, byte[]> originalValues = new HashMap<>();
  private final List<String> refusedByBroker = new ArrayList<>();

  @Test
  void badRecordsAreDeadLetteredWithTheirReasonAndTheRestFlowsOn(KafkaTestBroker broker, @TempDir Path stateDir)
      throws Exception {
    String prefix = broker.uniqueName("pills");
    TopicSet topicSet = TopicSet.create(broker.clientProperties(), prefix, 2);
    Topics topics = topicSet.topics();
    String streamsApp = prefix + "-streams";
    Map<String, String> streams = StreamsRuns.settings(broker.bootstrapServers(), topicSet, streamsApp, stateDir);
    streams.put("http.port", "0");
    Map<String, String> notifier = new HashMap<>(topicSet.settings());
    notifier.put("bootstrap.servers", broker.bootstrapServers());
    notifier.put("notifier.group", prefix + "-notifier");
    notifier.put("http.host", "127.0.0.1");
    notifier.put("http.port", "0");

    try (Webhook webhook = new Webhook();
        RawInput input = new RawInput(broker.clientProperties());
        PipelineOutputs outputs = new PipelineOutputs(broker.clientProperties(), topics);
        GroupProgress roster = new GroupProgress(broker.clientProperties(), streamsApp, List.of(topics.agents().name()))) {
      notifier.putAll(webhook.notifierSettings());
      try (Pipeline pipeline = Pipeline.start(Settings.of(streams), Settings.of(notifier))) {
        // the roster: valid profiles before and after the pills
        String agents = topics.agents().name();
        profile(input, topics, STEADY.get(0));
        profile(input, topics, STEADY.get(1));
        pill(input, agents, "x", PoisonPills.noise(300, random), "deserialize/BAD_AVRO");
        pill(input, agents, "x", PoisonPills.truncated(encode(topics, Events.profile("pp-agent-9", "Nine", "t"))), "deserialize/BAD_AVRO");
        pill(input, agents, "x", encode(topics, Events.evaluation("qa-x", "x", NOW, "empathy", 5)), "deserialize/UNKNOWN_SCHEMA");
        pill(input, agents, "bad agent!", encode(topics, Events.profile("bad agent!", "Bad", "t")), "validate/INVALID_ID");
        pill(input, agents, "pp-agent-8", encode(topics, Events.profile("pp-agent-7", "Seven", "t")), "validate/INVALID_ID");
        refused(input, agents, null, encode(topics, Events.profile("pp-agent-6", "Six", "t")), InvalidRecordException.class);
        tooLarge(input, agents);
        profile(input, topics, STEADY.get(2));
        profile(input, topics, STEADY.get(3));
        profile(input, topics, SLIPPER);
        // events are scored with the roster's team once the roster has been read
        await().atMost(Duration.ofMinutes(1)).until(() -> roster.lag() == 0);

        String interactions = topics.interactions().name();
        String evaluations = topics.qaEvaluations().name();
        for (String agent : STEADY) {
          goodEvents(input, topics, agent, 0);
        }
        pill(input, interactions, "x", PoisonPills.noise(300, random), "deserialize/BAD_AVRO");
        pill(input, interactions, "x", PoisonPills.truncated(encode(topics, interaction("pp-agent-1", "i-cut", 0, 80))),
            "deserialize/BAD_AVRO");
        pill(input, interactions, "x", encode(topics, Events.profile("pp-agent-1", "One", "t")), "deserialize/UNKNOWN_SCHEMA");
        var badCsat = interaction("pp-agent-1", "i-csat", 10, 80);
        badCsat.setCsat(9);
        pill(input, interactions, "pp-agent-1", encode(topics, badCsat), "validate/OUT_OF_RANGE");
        pill(input, interactions, "pp-agent-2", encode(topics, interaction("pp-agent-1", "i-key", 11, 80)), "validate/INVALID_ID");
        pill(input, interactions, "pp-agent-1", null, "validate/MISSING_FIELD");
        pill(input, interactions, "pp-agent-1", encode(topics, interaction("pp-agent-1", "i-late", 3 * 24 * 60, 80)), "late/LATE");
        tooLarge(input, interactions);
        pill(input, evaluations, "x", PoisonPills.noise(300, random), "deserialize/BAD_AVRO");
        pill(input, evaluations, "x", PoisonPills.truncated(encode(topics, evaluation("pp-agent-1", "qa-cut", 0))),
            "deserialize/BAD_AVRO");
        pill(input, evaluations, "x", encode(topics, interaction("pp-agent-1", "i-other", 0, 80)), "deserialize/UNKNOWN_SCHEMA");
        pill(input, evaluations, "pp-agent-1", encode(topics, Events.evaluation("qa-skill", "pp-agent-1", NOW, "juggling", 5)),
            "validate/UNKNOWN_SKILL");
        pill(input, evaluations, "pp-agent-1", null, "validate/MISSING_FIELD");
        pill(input, evaluations, "pp-agent-1", encode(topics, evaluation("pp-agent-1", "qa-late", 3 * 24 * 60)), "late/LATE");
        tooLarge(input, evaluations);
        for (String agent : STEADY) {
          goodEvents(input, topics, agent, 1);
        }
        for (int i = 0; i < 6; i++) {
          send(input, interactions, SLIPPER, encode(topics, interaction(SLIPPER, "i-slip-" + i, 30 - i, 20)));
        }

        try (GroupProgress all = new GroupProgress(broker.clientProperties(), streamsApp, topicSet.inputs())) {
          Quiescence.awaitSettled(all, outputs, StreamsRuns.PUBLISH_INTERVAL, Duration.ofMinutes(2));
        }
        await().atMost(Duration.ofMinutes(1)).until(() -> webhook.alertIds().size() == outputs.alerts().size());
        Map<String, String> actual = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> dead : outputs.deadLetters()) {
          String source = DeadLetter.header(dead.headers(), DeadLetter.SOURCE_TOPIC) + "/"
              + DeadLetter.header(dead.headers(), DeadLetter.SOURCE_PARTITION) + "/"
              + DeadLetter.header(dead.headers(), DeadLetter.SOURCE_OFFSET);
          actual.put(source,
              DeadLetter.header(dead.headers(), DeadLetter.STAGE) + "/" + DeadLetter.header(dead.headers(), DeadLetter.REASON));
          assertThat(dead.value()).as("original bytes of %s", source).isEqualTo(originalValues.get(source));
          assertThat(DeadLetter.header(dead.headers(), DeadLetter.MESSAGE)).isNotBlank();
          assertThat(Instant.parse(DeadLetter.header(dead.headers(), DeadLetter.FAILED_AT))).isAfter(NOW.minusSeconds(60));
        }
        assertThat(actual).isEqualTo(expectedDeadLetters);
        assertThat(refusedByBroker).hasSize(4);

        Map<String, AgentSkillWindow> latest = latestWindowPerAgent(outputs);
        Map<String, long[]> accounting = new TreeMap<>();
        accounting.put(agents, new long[] {latest.values().stream().filter(w -> w.getTeamId().startsWith("roster-")).count(), 0, 0});
        accounting.put(interactions, new long[] {latest.values().stream().mapToLong(w -> w.getKpis().getInteractions()).sum(), 0, 0});
        accounting.put(evaluations, new long[] {latest.values().stream().mapToLong(w -> samples(w, SkillCategory.HARD)).sum(), 0, 0});
        expectedDeadLetters.keySet().forEach(k -> accounting.get(k.substring(0, k.indexOf('/')))[1]++);
        for (String topic : topicSet.inputs()) {
          try (GroupProgress one = new GroupProgress(broker.clientProperties(), streamsApp, List.of(topic))) {
            accounting.get(topic)[2] = one.total();
          }
        }
        accounting.forEach((topic, n) -> System.out.printf("Poison pills: %s: %d accepted + %d dead-lettered = %d produced%n",
            topic.substring(prefix.length() + 1), n[0], n[1], n[2]));
        System.out.printf("Poison pills: %d dead letters, %s; refused by the broker at produce time: %s; webhook deliveries %d%n",
            actual.size(), countByStageAndReason(actual), refusedByBroker, webhook.deliveries().size());
        accounting.forEach((topic, n) -> assertThat(n[0] + n[1]).as("accepted + dead-lettered on %s", topic).isEqualTo(n[2]));
        assertThat(accounting.get(agents)[0]).isEqualTo(STEADY.size() + 1);
        assertThat(accounting.get(interactions)[0]).isEqualTo(STEADY.size() * 6 + 6);
        assertThat(accounting.get(evaluations)[0]).isEqualTo(STEADY.size() * 2);
        assertThat(webhook.deliveries()).filteredOn(d -> d.json().path("agent").path("id").asText().equals(SLIPPER))
            .singleElement().satisfies(d -> {
              assertThat(d.json().path("type").asText()).isEqualTo(AlertType.SLIP.name());
              assertThat(d.json().path("agent").path("name").asText()).isEqualTo("Name of " + SLIPPER);
            });
        assertThat(status(pipeline.streams().opsPort(), "/health")).isEqualTo(200);
        assertThat(status(pipeline.notifier().opsPort(), "/health")).isEqualTo(200);
      }
    }
  }

  /** Three interactions (empathy 85) and one evaluation (product knowledge 8/10) of {@code agent}, batch 0 or 1. */
  private void goodEvents(RawInput input, Topics topics, String agent, int batch) {
    for (int i = 0; i < 3; i++) {
      send(input, topics.interactions().name(), agent,
          encode(topics, interaction(agent, "i-" + agent + "-" + batch + "-" + i, 120 - batch * 60 - i, 85)));
    }
    send(input, topics.qaEvaluations().name(), agent, encode(topics, evaluation(agent, "qa-" + agent + "-" + batch, 90 - batch * 60)));
  }

  private void profile(RawInput input, Topics topics, String agent) {
    send(input, topics.agents().name(), agent, encode(topics, Events.profile(agent, "Name of " + agent, "roster-" + agent)));
  }

  private static InteractionEvent interaction(String agent, String id, int minutesAgo, double empathy) {
    return Events.interaction(id, agent, NOW.minus(Duration.ofMinutes(minutesAgo)), Map.of("empathy", empathy), "cust-pp-1");
  }

  private static QaEvaluation evaluation(String agent, String id, int minutesAgo) {
    return Events.evaluation(id, agent, NOW.minus(Duration.ofMinutes(minutesAgo)), "product_knowledge", 8);
  }

  private void pill(RawInput input, String topic, String key, byte[] value, String expected) {
    Sent sent = send(input, topic, key, value);
    expectedDeadLetters.put(topic + "/" + sent.partition() + "/" + sent.offset(), expected);
    originalValues.put(topic + "/" + sent.partition() + "/" + sent.offset(), value);
  }

  private void tooLarge(RawInput input, String topic) {
    refused(input, topic, "x", PoisonPills.overBrokerLimit(random), RecordTooLargeException.class);
  }

  /** A record the broker itself refuses (too large; no key on a compacted topic): it never reaches the pipeline. */
  private void refused(RawInput input, String topic, String key, byte[] value, Class<? extends Exception> why) {
    Sent sent = input.send(topic, bytes(key), value);
    assertThat(sent.refused()).as("refused by the broker on %s", topic).isInstanceOf(why);
    refusedByBroker.add(topic + ": " + sent.refused().getClass().getSimpleName());
  }

  private static Sent send(RawInput input, String topic, String key, byte[] value) {
    Sent sent = input.send(topic, bytes(key), value);
    assertThat(sent.stored()).as("stored in %s", topic).isTrue();
    return sent;
  }

  private static byte[] encode(Topics topics, InteractionEvent event) {
    return topics.interactions().valueSerde().serializer().serialize(topics.interactions().name(), event);
  }

  private static byte[] encode(Topics topics, QaEvaluation event) {
    return topics.qaEvaluations().valueSerde().serializer().serialize(topics.qaEvaluations().name(), event);
  }

  private static byte[] encode(Topics topics, AgentProfile profile) {
    return topics.agents().valueSerde().serializer().serialize(topics.agents().name(), profile);
  }

  private static byte[] bytes(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, AgentSkillWindow> latestWindowPerAgent(PipelineOutputs outputs) {
    Map<String, AgentSkillWindow> latest = new TreeMap<>();
    outputs.windows().values().forEach(w -> latest.merge(w.getAgentId(), w,
        (a, b) -> a.getWindowStart().isAfter(b.getWindowStart()) ? a : b));
    return latest;
  }

  private static long samples(AgentSkillWindow window, SkillCategory category) {
    return window.getCategories().stream().filter(c -> c.getCategory() == category).mapToLong(CategoryScore::getSamples).sum();
  }

  private static Map<String, Long> countByStageAndReason(Map<String, String> deadLetters) {
    Map<String, Long> counts = new TreeMap<>(Comparator.naturalOrder());
    deadLetters.values().forEach(v -> counts.merge(v, 1L, Long::sum));
    return counts;
  }

  private static int status(int port, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
