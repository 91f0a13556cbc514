package com.coachstream.producer.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.producer.cli.ProduceCommand;
import com.coachstream.producer.support.TopicReader;
import com.coachstream.schemas.json.EventJson;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.schemas.topics.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code produce import} against a real broker: exact counts, exit code, and exactly the accepted records on the topics. */
@Tag("integration")
@Timeout(120)
@ExtendWith(KafkaBrokerExtension.class)
class FileImportIT {

  static final String T = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();

  static String interaction(String id, String extra) {
    return "{\"type\":\"interaction\",\"interactionId\":\"" + id + "\",\"agentId\":\"agent-1\",\"channel\":\"VOICE\","
        + "\"startedAt\":\"" + T + "\",\"endedAt\":\"" + T + "\",\"customerRef\":\"cust-secret-77\",\"skillSignals\":{\"empathy\":81.5}" + extra + "}";
  }

  static String evaluation(String id, int score) {
    return "{\"type\":\"qa_evaluation\",\"evaluationId\":\"" + id + "\",\"agentId\":\"agent-1\",\"evaluatedAt\":\"" + T + "\","
        + "\"criteria\":[{\"skill\":\"Empathy\",\"score\":" + score + ",\"maxScore\":10}]}";
  }

  @Test
  void importCountsDuplicatesCorrectionsAndRejectsExactly(KafkaTestBroker broker, @TempDir Path dir) throws Exception {
    TopicNames names = TopicNames.DEFAULTS.withPrefix(broker.uniqueName("import") + ".");
    broker.createTopics(Map.of(names.interactions(), 3, names.qaEvaluations(), 3, names.agents(), 1));
    List<String> jsonl = List.of(
        "{\"type\":\"agent\",\"agentId\":\"agent-1\",\"displayName\":\"Ava Adams\",\"teamId\":\"team-01\"}", // 1 accepted
        interaction("i-1", ""),                                 // 2 accepted
        interaction("i-1", ""),                                 // 3 duplicate
        "{\"type\":\"interaction\", oops",                      // 4 BAD_JSON
        interaction("i-9", ",\"csat\":9"),                      // 5 OUT_OF_RANGE
        evaluation("e-1", 8),                                   // 6 accepted
        evaluation("e-1", 6),                                   // 7 correction, accepted
        evaluation("e-1", 6),                                   // 8 duplicate
        "{\"type\":\"call\",\"agentId\":\"agent-1\"}",          // 9 UNKNOWN_TYPE
        "",                                                     // 10 blank: not an event
        interaction("i-2", ""));                                // 11 accepted
    Path events = Files.write(dir.resolve("events.jsonl"), jsonl);
    Path csv = Files.writeString(dir.resolve("qa-export.csv"),
        "Evaluation ID,Agent ID,Evaluated At,Criterion,Score,Max Score,Weight\n"
            + "e-10,agent-1," + T + ",Empathy,4,5,2\n"
            + "e-10,agent-1," + T + ",Compliance,5,5,1\n"
            + "e-11,agent-1," + T + ",Charisma,3,5,1\n");
    Path rejects = dir.resolve("rejects.jsonl");

    List<String> args = new ArrayList<>(List.of("import", "--bootstrap-servers", broker.bootstrapServers(),
        "--rejects", rejects.toString(), events.toString(), csv.toString()));
    names.asMap().forEach((key, value) -> args.addAll(List.of("--set", key + "=" + value)));
    StringWriter out = new StringWriter();
    CommandLine command = new CommandLine(new ProduceCommand()).setOut(new PrintWriter(out));
    int exitCode = command.execute(args.toArray(String[]::new));

    assertThat(exitCode).isEqualTo(1);
    assertThat(out.toString())
        .contains("accepted 6 (corrections 1), duplicates 2, rejected 4")
        .contains(events + ":4: BAD_JSON")
        .contains(events + ":5: OUT_OF_RANGE csat: csat must be between 1 and 5, was 9")
        .contains(events + ":9: UNKNOWN_TYPE")
        .contains(csv + ":4: UNKNOWN_SKILL")
        .doesNotContain("cust-secret-77");
    assertThat(Files.readAllLines(rejects)).hasSize(4)
        .allSatisfy(line -> assertThat(line).doesNotContain("cust-secret-77"))
        .anySatisfy(line -> assertThat(line).contains("\"line\":5").contains("\"reason\":\"OUT_OF_RANGE\""));

    Topics topics = new Topics(names);
    List<ConsumerRecord<String, InteractionEvent>> interactions = TopicReader.readExactly(broker.clientProperties(),
        names.interactions(), 2, topics.interactions().keySerde().deserializer(), topics.interactions().valueSerde().deserializer());
    assertThat(interactions).extracting(ConsumerRecord::value)
        .containsExactlyInAnyOrder((InteractionEvent) EventJson.parse(jsonl.get(1)), (InteractionEvent) EventJson.parse(jsonl.get(10)));
    assertThat(interactions).extracting(ConsumerRecord::key).containsOnly("agent-1");

    List<ConsumerRecord<String, QaEvaluation>> evaluations = TopicReader.readExactly(broker.clientProperties(),
        names.qaEvaluations(), 3, topics.qaEvaluations().keySerde().deserializer(), topics.qaEvaluations().valueSerde().deserializer());
    assertThat(evaluations).hasSize(3);
    // The correction follows the original on the agent's partition.
    assertThat(evaluations.stream().map(ConsumerRecord::value).filter(e -> e.getEvaluationId().equals("e-1")).toList())
        .containsExactly((QaEvaluation) EventJson.parse(jsonl.get(5)), (QaEvaluation) EventJson.parse(jsonl.get(6)));
    assertThat(evaluations).extracting(r -> r.value().getEvaluationId()).contains("e-10");

    List<ConsumerRecord<String, AgentProfile>> agents = TopicReader.readExactly(broker.clientProperties(),
        names.agents(), 1, topics.agents().keySerde().deserializer(), topics.agents().valueSerde().deserializer());
    assertThat(agents).singleElement().satisfies(r -> assertThat(r.value().getDisplayName()).isEqualTo("Ava Adams"));
  }

  @Test
  void actionLinesGoToTheActionsTopicAndInvalidOnesAreRejectedWithTheirReason(KafkaTestBroker broker, @TempDir Path dir)
      throws Exception {
    TopicNames names = TopicNames.DEFAULTS.withPrefix(broker.uniqueName("actions") + ".");
    broker.createTopics(Map.of(names.interactions(), 1, names.qaEvaluations(), 1, names.agents(), 1, names.actions(), 1));
    String snooze = "{\"type\":\"action\",\"actionType\":\"SNOOZED\",\"actionId\":\"s-1\",\"agentId\":\"agent-1\","
        + "\"category\":\"SOFT\",\"actorId\":\"sup-1\",\"at\":\"" + T + "\",\"until\":\"" + Instant.parse(T).plus(1, ChronoUnit.DAYS) + "\"}";
    String coachedWithoutSession = "{\"type\":\"action\",\"actionType\":\"COACHED\",\"actionId\":\"c-1\",\"agentId\":\"agent-1\","
        + "\"category\":\"SOFT\",\"actorId\":\"sup-1\",\"at\":\"" + T + "\"}";
    Path events = Files.write(dir.resolve("actions.jsonl"), List.of(interaction("i-1", ""), snooze, snooze, coachedWithoutSession));
    List<String> args = new ArrayList<>(List.of("import", "--bootstrap-servers", broker.bootstrapServers(), events.toString()));
    names.asMap().forEach((key, value) -> args.addAll(List.of("--set", key + "=" + value)));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = new CommandLine(new ProduceCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
        .execute(args.toArray(String[]::new));
    assertThat(exitCode).isEqualTo(1);
    assertThat(out.toString() + err).contains("accepted 2 (corrections 0), duplicates 1, rejected 1")
        .contains(events + ":4: MISSING_FIELD sessionAt");
    Topics topics = new Topics(names);
    List<ConsumerRecord<String, com.coachstream.avro.CoachingAction>> stored = TopicReader.readExactly(broker.clientProperties(),
        names.actions(), 1, topics.actions().keySerde().deserializer(), topics.actions().valueSerde().deserializer());
    assertThat(stored).singleElement().satisfies(r -> {
      assertThat(r.key()).isEqualTo("agent-1");
      assertThat(r.value().getActionId()).isEqualTo("s-1");
    });
  }

  @Test
  void cleanImportExitsZero(KafkaTestBroker broker, @TempDir Path dir) throws Exception {
    TopicNames names = TopicNames.DEFAULTS.withPrefix(broker.uniqueName("clean") + ".");
    broker.createTopics(Map.of(names.interactions(), 1, names.qaEvaluations(), 1, names.agents(), 1));
    Path events = Files.write(dir.resolve("events.jsonl"), List.of(interaction("i-1", ""), interaction("i-1", "")));
    List<String> args = new ArrayList<>(List.of("import", "--bootstrap-servers", broker.bootstrapServers(), events.toString()));
    names.asMap().forEach((key, value) -> args.addAll(List.of("--set", key + "=" + value)));
    StringWriter out = new StringWriter();
    int exitCode = new CommandLine(new ProduceCommand()).setOut(new PrintWriter(out)).execute(args.toArray(String[]::new));
    assertThat(exitCode).isZero();
    assertThat(out.toString()).contains("accepted 1 (corrections 0), duplicates 1, rejected 0");
  }
}
