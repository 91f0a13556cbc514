package com.coachstream.launcher.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.AgentSkillWindow;
import com.coachstream.avro.AgentWindowKey;
import com.coachstream.avro.AlertReason;
import com.coachstream.avro.AlertType;
import com.coachstream.avro.CategoryScore;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.Evidence;
import com.coachstream.avro.FocusSkill;
import com.coachstream.avro.Kpis;
import com.coachstream.avro.SkillCategory;
import com.coachstream.avro.SkillDelta;
import com.coachstream.avro.SkillScore;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.schemas.deadletter.DeadLetter;
import com.coachstream.schemas.json.RecordDecoder;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.schemas.topics.Topics;
import com.coachstream.schemas.validation.ReasonCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the examples of docs/data-teams.md, the files themselves from docs/examples/, against a real broker:
 * records written with the product's serdes must come out of the Java, Python and kcat examples as the guide
 * says. The Python decoder's JSON must equal CoachStream's own decoder's, field for field.
 */
@Tag("integration")
@Timeout(300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(KafkaBrokerExtension.class)
class DataTeamExamplesIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path EXAMPLES = ROOT.resolve("docs/examples");
  private static final String SCHEMAS = ROOT.resolve("schemas/released").toString();
  private static final Instant WEEK_1 = Instant.parse("2026-11-07T00:00:00Z");
  private static final Instant WEEK_2 = Instant.parse("2026-11-14T00:00:00Z");
  private static final Instant T = Instant.parse("2026-11-20T10:15:30.250Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  private KafkaTestBroker broker;
  private Topics topics;
  private final Map<String, byte[]> alertBytes = new HashMap<>();
  private final List<byte[]> scoreValues = new ArrayList<>();

  @BeforeAll
  void writeRecords(KafkaTestBroker broker) throws Exception {
    this.broker = broker;
    TopicNames names = TopicNames.DEFAULTS.withPrefix(broker.uniqueName("docs") + ".");
    topics = new Topics(names);
    broker.createTopics(Map.of(names.alerts(), 2, names.skillScores(), 2, names.deadLetter(), 1));
    try (var producer = new KafkaProducer<>(broker.clientProperties(), new ByteArraySerializer(), new ByteArraySerializer())) {
      for (CoachingAlert alert : List.of(alert("alert-1", "agent-1", AlertType.SLIP, 61.5),
          alert("alert-2", "agent-1", AlertType.RECOVERY, 74.0), alert("alert-3", "agent-2", AlertType.SLIP, 58.25))) {
        byte[] value = topics.alerts().valueSerde().serializer().serialize("", alert);
        alertBytes.put(alert.getAlertId(), value);
        producer.send(new ProducerRecord<>(names.alerts(), alert.getAgentId().getBytes(StandardCharsets.UTF_8), value));
      }
      // agent-1's first week is published twice (the second is final), agent-2's first week disappears (tombstone)
      score(producer, "agent-1", WEEK_1, 80.0, 4);
      score(producer, "agent-1", WEEK_1, 77.5, 6);
      score(producer, "agent-1", WEEK_2, 71.0, 5);
      score(producer, "agent-2", WEEK_1, 90.0, 1);
      score(producer, "agent-2", WEEK_1, null, 0);
      producer.send(new DeadLetter("agent-9".getBytes(StandardCharsets.UTF_8), "not avro".getBytes(StandardCharsets.UTF_8),
          DeadLetter.Stage.DESERIALIZE, ReasonCode.BAD_AVRO, "no C3 01 marker", names.interactions(), 0, 7, T)
          .toProducerRecord(names.deadLetter()));
      producer.flush();
    }
  }

  @Test
  void javaExampleReadsTheAlertsWithTheSchemasSerdes() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ExternalTool.Result result = ExternalTool.run(List.of(java, "-cp", System.getProperty("java.class.path"),
        EXAMPLES.resolve("ReadAlerts.java").toString(), broker.bootstrapServers(), topics.alerts().name()), ROOT, Map.of());

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<String> lines = result.lines();
    assertThat(lines.subList(0, 3)).containsExactlyInAnyOrder(
        "alert-1 SLIP agent-1 SOFT 61.5", "alert-2 RECOVERY agent-1 SOFT 74.0", "alert-3 SLIP agent-2 SOFT 58.3");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(3)).startsWith("{\"alertId\":\"alert-");
  }

  @Test
  void pythonExampleDecodesEveryRecordByItsFingerprintAsCoachStreamDoes() throws Exception {
    String python = python();
    ExternalTool.Result alerts = readTopic(python, topics.alerts().name());
    assertThat(alerts.exitCode()).as(alerts.err()).isZero();
    assertThat(alerts.lines()).hasSize(3);
    for (String line : alerts.lines()) {
      JsonNode record = JSON.readTree(line);
      JsonNode value = record.get("value");
      assertThat(value).isEqualTo(RecordDecoder.toJson(alertBytes.get(value.get("alertId").asText())));
      assertThat(record.get("key").asText()).isEqualTo(value.get("agentId").asText());
    }

    ExternalTool.Result scores = readTopic(python, topics.skillScores().name());
    assertThat(scores.exitCode()).as(scores.err()).isZero();
    List<JsonNode> values = new ArrayList<>();
    for (String line : scores.lines()) {
      JsonNode record = JSON.readTree(line);
      assertThat(record.get("key").get("agentId").asText()).startsWith("agent-");
      values.add(record.get("value"));
    }
    List<JsonNode> expected = new ArrayList<>();
    for (byte[] value : scoreValues) {
      expected.add(value == null ? JSON.nullNode() : RecordDecoder.toJson(value));
    }
    assertThat(values).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void pythonTableKeepsTheFinalValueOfEachWindowAndDropsTombstonedOnes() {
    String python = python();
    ExternalTool.Result table = ExternalTool.run(List.of(python, EXAMPLES.resolve("skill_scores_table.py").toString(),
        "--bootstrap-servers", broker.bootstrapServers(), "--topic", topics.skillScores().name(), "--schemas", SCHEMAS),
        ROOT, Map.of("PYTHONDONTWRITEBYTECODE", "1"));

    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.lines()).containsExactly(
        "agent-1\t2026-11-07T00:00:00Z\t77.5\t6\t\t",
        "agent-1\t2026-11-14T00:00:00Z\t71.0\t5\t\t");
  }

  @Test
  void kcatShowsWhyRecordsWereRejectedAndCountsAlertsPerAgent() {
    ExternalTool.require(List.of("kcat"), List.of("-V"),
        "kcat is not installed: apt-get install kcat (.ci/run installs it)");
    String script = EXAMPLES.resolve("kcat_examples.sh").toString();

    ExternalTool.Result dead = ExternalTool.run(List.of("sh", script, broker.bootstrapServers(), "dead-letters",
        topics.deadLetter().name()), ROOT, Map.of());
    assertThat(dead.exitCode()).as(dead.err()).isZero();
    assertThat(dead.lines()).singleElement().asString().startsWith("0:0 ")
        .contains("coachstream.error.stage=deserialize", "coachstream.error.reason=BAD_AVRO",
            "coachstream.source.topic=" + topics.interactions().name(), "coachstream.source.offset=7");

    ExternalTool.Result perAgent = ExternalTool.run(List.of("sh", script, broker.bootstrapServers(), "alerts-per-agent",
        topics.alerts().name()), ROOT, Map.of());
    assertThat(perAgent.exitCode()).as(perAgent.err()).isZero();
    assertThat(perAgent.lines()).containsExactly("agent-1 2", "agent-2 1");
  }

  private ExternalTool.Result readTopic(String python, String topic) {
    return ExternalTool.run(List.of(python, EXAMPLES.resolve("read_topic.py").toString(),
        "--bootstrap-servers", broker.bootstrapServers(), "--topic", topic, "--schemas", SCHEMAS),
        ROOT, Map.of("PYTHONDONTWRITEBYTECODE", "1"));
  }

  /** Debian's python3 has the packages; a python3 earlier on PATH (pyenv, a venv) may not. */
  private static String python() {
    return ExternalTool.require(List.of("python3", "/usr/bin/python3"), List.of("-c", "import confluent_kafka, avro"),
        "python3 with confluent_kafka and avro is not installed: apt-get install python3-confluent-kafka python3-avro"
            + " (.ci/run installs them)");
  }

  private void score(KafkaProducer<byte[], byte[]> producer, String agent, Instant start, Double soft, int samples) {
    String topic = topics.skillScores().name();
    byte[] key = topics.skillScores().keySerde().serializer().serialize(topic, new AgentWindowKey(agent, start));
    byte[] value = soft == null ? null : topics.skillScores().valueSerde().serializer().serialize(topic,
        AgentSkillWindow.newBuilder().setAgentId(agent).setTeamId("team-a").setWindowStart(start)
            .setWindowEnd(start.plus(Duration.ofDays(7)))
            .setSkills(List.of(new SkillScore("empathy", SkillCategory.SOFT, soft, 3.0, samples, soft - 5, soft + 5)))
            .setCategories(List.of(new CategoryScore(SkillCategory.SOFT, soft, samples)))
            .setKpis(new Kpis(samples, 4.0, 1, 1.0, 300.0, 0.25)).setUpdatedAt(T).build());
    scoreValues.add(value);
    producer.send(new ProducerRecord<>(topic, key, value));
  }

  private static CoachingAlert alert(String id, String agent, AlertType type, double score) {
    return CoachingAlert.newBuilder().setAlertId(id).setType(type).setAgentId(agent).setTeamId("team-a")
        .setCategory(SkillCategory.SOFT).setReason(type == AlertType.SLIP ? AlertReason.BOTH : AlertReason.RECOVERED)
        .setScore(score).setBaseline(84.0).setFloor(70.0).setSamples(9).setBaselineSamples(40)
        .setWindowStart(WEEK_2).setWindowEnd(WEEK_2.plus(Duration.ofDays(7))).setSourceId("eval-" + id).setEventTime(T)
        .setSkills(List.of(new SkillDelta("empathy", 55.0, 85.0, -30.0)))
        .setEvidence(List.of(new Evidence("eval-" + id, "empathy", 40.0, T)))
        .setFocus(List.of(new FocusSkill("empathy", "Name the customer's feeling before solving the problem.")))
        .setCreatedAt(T).build();
  }
}
