package com.coachstream.producer.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.producer.CoachStreamProducer;
import com.coachstream.producer.support.Cli;
import com.coachstream.producer.support.TopicReader;
import com.coachstream.schemas.json.EventJson;
import com.coachstream.schemas.json.RecordDecoder;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.schemas.topics.Topics;
import com.coachstream.schemas.validation.EventValidator;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backfill split into a CCaaS export (roster + interactions, agent by agent) and a QA export (CSV), imported
 * with one command, arrives on the topics in event-time order: read back from the topics, partition by
 * partition, and on one shared topic where the order across the two kinds is visible.
 */
@Tag("integration")
@Timeout(180)
@ExtendWith(KafkaBrokerExtension.class)
class EventTimeImportIT {

  static final int AGENTS = 30;
  static final int DAYS = 20;

  @TempDir
  Path dir;

  @Test
  void aSplitExportArrivesOnEachTopicInEventTimeOrder(KafkaTestBroker broker) throws Exception {
    SplitExport export = new SplitExport(dir, AGENTS, DAYS);
    TopicNames names = TopicNames.DEFAULTS.withPrefix(broker.uniqueName("split") + ".");
    broker.createTopics(Map.of(names.interactions(), 3, names.qaEvaluations(), 3, names.agents(), 1));
    Path temp = Files.createDirectory(dir.resolve("sort-tmp"));

    Cli.Result result = Cli.run(Cli.args(broker, names, "import", "--sort-memory", "1", "--temp-dir", temp.toString(),
        export.ccaas.toString(), export.qa.toString()));
    System.out.println("split export import printed:\n" + result.printed());

    assertThat(result.exitCode()).as(result.printed()).isEqualTo(1);
    long valid = export.valid.size();
    assertThat(result.out())
        .contains("accepted " + valid + " (corrections 0), duplicates 0, rejected 2, not written 0")
        .contains("sent in event-time order across 2 files: " + export.expectedReordered() + " lines reordered")
        .containsPattern("sorted beyond --sort-memory with [1-9][0-9]* temporary runs?")
        .contains("  rejected " + export.ccaas + ":" + export.ccaasRejectedLine + ": OUT_OF_RANGE")
        .contains("  rejected " + export.qa + ":" + export.qaRejectedLine + ": UNKNOWN_SKILL");
    assertThat(export.expectedReordered()).isGreaterThan(1000);
    try (Stream<Path> left = Files.list(temp)) {
      assertThat(left).as("temporary runs deleted").isEmpty();
    }

    List<String> expected = export.expectedOrder();
    for (String topic : List.of(names.interactions(), names.qaEvaluations(), names.agents())) {
      List<ConsumerRecord<byte[], byte[]>> records = readAll(broker, topic);
      Map<Integer, List<String>> byPartition = new java.util.TreeMap<>();
      records.forEach(r -> byPartition.computeIfAbsent(r.partition(), p -> new ArrayList<>()).add(id(r.value())));
      for (List<String> ids : byPartition.values()) {
        Set<String> here = new HashSet<>(ids);
        assertThat(ids).as("%s, one partition, in offset order", topic)
            .doesNotHaveDuplicates()
            .containsExactlyElementsOf(expected.stream().filter(here::contains).toList());
      }
    }
    assertThat(TopicReader.count(broker.clientProperties(), List.of(names.interactions(), names.qaEvaluations(), names.agents())))
        .isEqualTo(valid);
  }

  @Test
  void onOneSharedTopicTheOrderAcrossBothExportsIsExactlyEventTimeThenFileThenLine(KafkaTestBroker broker) throws Exception {
    SplitExport export = new SplitExport(dir, AGENTS, DAYS);
    String shared = broker.uniqueName("merged");
    broker.createTopics(Map.of(shared, 1));
    TopicNames names = new TopicNames(shared, shared, shared, "unused.scores", "unused.alerts", "unused.deliveries", "unused.dlq",
        shared, "unused.effects", "unused.rules", "unused.team-distributions");

    Cli.Result result = Cli.run(Cli.args(broker, names, "import", "--sort-memory", "1", export.ccaas.toString(), export.qa.toString()));

    assertThat(result.exitCode()).as(result.printed()).isEqualTo(1);
    List<String> arrived = readAll(broker, shared).stream().map(r -> id(r.value())).toList();
    assertThat(arrived).hasSize(export.valid.size());
    // Roster first, then by event time; an evaluation that ties with an interaction comes after it (CCaaS file first).
    assertThat(arrived).containsExactlyElementsOf(export.expectedOrder());
    assertThat(arrived.subList(0, AGENTS)).allMatch(id -> id.startsWith("agent-"));
  }

  @Test
  void aReSendFarFromItsOriginalInAnotherFileIsStillADuplicate(KafkaTestBroker broker) throws Exception {
    String early = "2026-01-01T10:00:00Z";
    String late = "2026-01-03T10:00:00Z";
    Path ccaas = Files.write(dir.resolve("ccaas.jsonl"), List.of(
        SortingReaderTest.interaction("i-1", early), SortingReaderTest.interaction("i-2", late)));
    Path qa = Files.write(dir.resolve("qa.jsonl"), List.of(
        SortingReaderTest.evaluation("e-1", late),
        SortingReaderTest.interaction("i-1", early),                                           // identical re-send of ccaas:1
        SortingReaderTest.evaluation("e-1", late).replace("\"score\":7", "\"score\":9")));   // correction at the same time
    TopicNames names = TopicNames.DEFAULTS.withPrefix(broker.uniqueName("dup") + ".");
    broker.createTopics(Map.of(names.interactions(), 1, names.qaEvaluations(), 1, names.agents(), 1));

    Cli.Result result = Cli.run(Cli.args(broker, names, "import", ccaas.toString(), qa.toString()));

    assertThat(result.exitCode()).as(result.printed()).isZero();
    assertThat(result.out()).contains("accepted 4 (corrections 1), duplicates 1, rejected 0, not written 0")
        .contains("across 2 files: 1 line reordered");
    assertThat(readAll(broker, names.interactions())).extracting(r -> id(r.value())).containsExactly("i-1", "i-2");
  }

  @Test
  void everyImportedRecordIsByteForByteWhatASendOfTheSameEventWrites(KafkaTestBroker broker) throws Exception {
    List<String> lines = List.of(SortingReaderTest.agent("agent-1"), SortingReaderTest.interaction("i-1", "2026-01-01T10:00:00Z"),
        SortingReaderTest.evaluation("e-1", "2026-01-01T11:00:00Z"), SortingReaderTest.interaction("i-2", "2026-01-02T10:00:00Z"),
        SortingReaderTest.evaluation("e-1", "2026-01-01T11:00:00Z").replace("\"score\":7", "\"score\":9"));
    Path file = Files.write(dir.resolve("events.jsonl"), lines);
    TopicNames imported = TopicNames.DEFAULTS.withPrefix(broker.uniqueName("imported") + ".");
    TopicNames sent = TopicNames.DEFAULTS.withPrefix(broker.uniqueName("sent") + ".");
    for (TopicNames names : List.of(imported, sent)) {
      broker.createTopics(Map.of(names.interactions(), 1, names.qaEvaluations(), 1, names.agents(), 1));
    }

    Cli.Result result = Cli.run(Cli.args(broker, imported, "import", file.toString()));
    try (CoachStreamProducer producer = new CoachStreamProducer(broker.clientProperties(), new Topics(sent), EventValidator.withDefaults())) {
      for (String line : lines) {
        producer.send(EventJson.parse(line)).get();
      }
    }

    assertThat(result.exitCode()).as(result.printed()).isZero();
    assertThat(result.out()).contains("accepted 5 (corrections 1)");
    assertThat(records(broker, imported.interactions())).hasSize(2).isEqualTo(records(broker, sent.interactions()));
    assertThat(records(broker, imported.qaEvaluations())).hasSize(2).isEqualTo(records(broker, sent.qaEvaluations()));
    assertThat(records(broker, imported.agents())).hasSize(1).isEqualTo(records(broker, sent.agents()));
  }

  /** Each record's key and value in hex, in offset order. */
  private static List<String> records(KafkaTestBroker broker, String topic) throws Exception {
    HexFormat hex = HexFormat.of();
    return readAll(broker, topic).stream().map(r -> hex.formatHex(r.key()) + " " + hex.formatHex(r.value())).toList();
  }

  private static List<ConsumerRecord<byte[], byte[]>> readAll(KafkaTestBroker broker, String topic) throws Exception {
    long count = TopicReader.count(broker.clientProperties(), List.of(topic));
    return TopicReader.readExactly(broker.clientProperties(), topic, (int) count, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static String id(byte[] value) {
    JsonNode event = RecordDecoder.toJson(value);
    for (String field : List.of("evaluationId", "interactionId", "agentId")) {
      if (event.hasNonNull(field)) {
        return event.get(field).asText();
      }
    }
    throw new AssertionError("no id in " + event);
  }
}
