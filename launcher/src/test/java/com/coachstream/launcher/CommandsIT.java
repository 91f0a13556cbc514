package com.coachstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.AgentSkillWindow;
import com.coachstream.avro.AgentWindowKey;
import com.coachstream.avro.AlertReason;
import com.coachstream.avro.AlertType;
import com.coachstream.avro.CategoryScore;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.Kpis;
import com.coachstream.avro.SkillCategory;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.schemas.deadletter.DeadLetter;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.schemas.topics.Topics;
import com.coachstream.schemas.validation.ReasonCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/** {@code coachstream topics create} and {@code coachstream consume} through the real command line. */
@Tag("integration")
@Timeout(120)
@ExtendWith(KafkaBrokerExtension.class)
class CommandsIT {

  private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

  @Test
  void topicsCreateThenConsumeDecodesEveryKindOfRecordToJsonLines(KafkaTestBroker broker) throws Exception {
    String prefix = broker.uniqueName("cli") + ".";
    Topics topics = new Topics(TopicNames.DEFAULTS.withPrefix(prefix));
    List<String> renamed = new ArrayList<>();
    TopicNames.DEFAULTS.withPrefix(prefix).asMap().forEach((key, name) -> renamed.add("--set=" + key + "=" + name));

    List<String> create = new ArrayList<>(List.of("topics", "create", "--bootstrap-servers", broker.bootstrapServers(),
        "--partitions", "2"));
    create.addAll(renamed);
    Run topicsRun = run(create);
    assertThat(topicsRun.exitCode).isZero();
    assertThat(topicsRun.out).contains(topics.skillScores().name() + " ").contains("created (compacted)")
        .contains("every partition of the " + topics.all().size() + " topics accepts writes");

    CoachingAlert alert = CoachingAlert.newBuilder().setAlertId("a-1").setType(AlertType.SLIP).setAgentId("agent-1")
        .setTeamId("t").setCategory(SkillCategory.SOFT).setReason(AlertReason.BELOW_FLOOR).setScore(60).setBaseline(null)
        .setFloor(70).setSamples(6).setBaselineSamples(0).setWindowStart(T).setWindowEnd(T.plusSeconds(604800))
        .setSourceId("e-1").setEventTime(T).setCreatedAt(T).build();
    AgentSkillWindow window = AgentSkillWindow.newBuilder().setAgentId("agent-1").setWindowStart(T)
        .setWindowEnd(T.plusSeconds(604800)).setCategories(List.of(new CategoryScore(SkillCategory.SOFT, 60.0, 6)))
        .setKpis(new Kpis(0, null, 0, null, null, null)).setUpdatedAt(T).build();
    try (var producer = new KafkaProducer<>(broker.clientProperties(), new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topics.alerts().name(), "agent-1".getBytes(),
          topics.alerts().valueSerde().serializer().serialize("", alert)));
      producer.send(new ProducerRecord<>(topics.skillScores().name(),
          topics.skillScores().keySerde().serializer().serialize("", new AgentWindowKey("agent-1", T)),
          topics.skillScores().valueSerde().serializer().serialize("", window)));
      producer.send(new DeadLetter("k".getBytes(), "not avro".getBytes(), DeadLetter.Stage.DESERIALIZE, ReasonCode.BAD_AVRO,
          "bad", topics.interactions().name(), 0, 7, T).toProducerRecord(topics.deadLetter().name()));
    }

    JsonNode alertLine = consumeOne(broker, topics.alerts().name());
    assertThat(alertLine.get("key").asText()).isEqualTo("agent-1");
    assertThat(alertLine.get("value").get("alertId").asText()).isEqualTo("a-1");
    assertThat(alertLine.get("value").get("createdAt").asText()).isEqualTo("2026-11-20T10:00:00Z");
    assertThat(alertLine.get("value").get("baseline").isNull()).isTrue();

    JsonNode windowLine = consumeOne(broker, topics.skillScores().name());
    assertThat(windowLine.get("key").get("windowStart").asText()).isEqualTo("2026-11-20T10:00:00Z");
    assertThat(windowLine.get("value").get("categories").get(0).get("score").asDouble()).isEqualTo(60.0);

    JsonNode deadLine = consumeOne(broker, topics.deadLetter().name());
    assertThat(deadLine.get("headers").get("coachstream.error.reason").asText()).isEqualTo("BAD_AVRO");
    assertThat(deadLine.get("valueError").asText()).contains("no C3 01 marker");
  }

  private JsonNode consumeOne(KafkaTestBroker broker, String topic) throws Exception {
    Run consume = run(List.of("consume", topic, "--bootstrap-servers", broker.bootstrapServers(), "--from-beginning",
        "--max", "1", "--timeout", "30s"));
    assertThat(consume.exitCode).isZero();
    String[] lines = consume.out.strip().split("\n");
    assertThat(lines).hasSize(1);
    return new ObjectMapper().readTree(lines[0]);
  }

  private static Run run(List<String> args) {
    StringWriter out = new StringWriter();
    CommandLine cli = CoachStream.commandLine();
    cli.setOut(new PrintWriter(out, true));
    int exit = cli.execute(args.toArray(String[]::new));
    return new Run(exit, out.toString());
  }

  private record Run(int exitCode, String out) { }
}
