package com.coachstream.producer.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.producer.ingest.EventChecker;
import com.coachstream.schemas.validation.EventValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading several files (JSON lines and CSV mixed) into the sorter: the order they will be sent in, and exact rejections. */
class SortingReaderTest {

  @TempDir
  Path dir;

  static String agent(String id) {
    return "{\"type\":\"agent\",\"agentId\":\"" + id + "\",\"displayName\":\"" + id + "\",\"teamId\":\"team-1\"}";
  }

  static String interaction(String id, String endedAt) {
    return "{\"type\":\"interaction\",\"interactionId\":\"" + id + "\",\"agentId\":\"agent-1\",\"channel\":\"VOICE\","
        + "\"startedAt\":\"" + endedAt + "\",\"endedAt\":\"" + endedAt + "\",\"skillSignals\":{\"empathy\":80}}";
  }

  static String evaluation(String id, String evaluatedAt) {
    return "{\"type\":\"qa_evaluation\",\"evaluationId\":\"" + id + "\",\"agentId\":\"agent-1\",\"evaluatedAt\":\"" + evaluatedAt + "\","
        + "\"criteria\":[{\"skill\":\"empathy\",\"score\":7,\"maxScore\":10}]}";
  }

  static String csvRow(String id, String evaluatedAt, String criterion) {
    return id + ",agent-1," + evaluatedAt + "," + criterion + ",4,5\n";
  }

  record Read(List<String> order, ImportSummary summary, long events, long reordered, int runs) { }

  Read read(long memoryLimit, Path... files) throws IOException {
    ImportSummary summary = new ImportSummary();
    List<String> order = new ArrayList<>();
    try (ExternalSorter sorter = new ExternalSorter(memoryLimit, dir)) {
      SortingReader reader = new SortingReader(new EventChecker(EventValidator.withDefaults()), ImportProgress.NONE,
          new ImportReport(summary, null), sorter);
      for (int i = 0; i < files.length; i++) {
        reader.read(i, files[i]);
      }
      EventCursor cursor = sorter.sorted();
      for (ImportedEvent event = cursor.next(); event != null; event = cursor.next()) {
        order.add(files[event.file()].getFileName() + ":" + event.line() + " " + id(EventCodec.decode(event.payload())));
      }
      return new Read(order, summary, reader.events(), reader.reordered(), sorter.runsWritten());
    }
  }

  static String id(SpecificRecord event) {
    if (event instanceof InteractionEvent e) {
      return e.getInteractionId();
    }
    if (event instanceof QaEvaluation e) {
      return e.getEvaluationId();
    }
    return ((AgentProfile) event).getAgentId();
  }

  @Test
  void aCcaasExportAndAQaExportAreMergedByEventTimeWithRosterFirst() throws IOException {
    Path ccaas = Files.write(dir.resolve("ccaas-export.jsonl"), List.of(
        agent("agent-1"),                                    // 1
        interaction("i-1", "2026-01-01T10:00:00Z"),          // 2
        interaction("i-2", "2026-01-03T10:00:00Z"),          // 3
        interaction("i-3", "2026-01-05T10:00:00Z"),          // 4
        agent("agent-2")));                                  // 5: roster after events, goes first
    Path qa = Files.writeString(dir.resolve("qa-export.csv"), "Evaluation ID,Agent ID,Evaluated At,Criterion,Score,Max Score\n"
        + csvRow("e-1", "2026-01-02T10:00:00Z", "Empathy")   // 2
        + csvRow("e-1", "2026-01-02T10:00:00Z", "Compliance") // 3
        + csvRow("e-2", "2026-01-05T10:00:00Z", "Empathy")); // 4: same time as i-3, later file
    for (long limit : new long[] {ExternalSorterTest.PLENTY, ExternalSorterTest.TINY}) {
      Read read = read(limit, ccaas, qa);
      assertThat(read.order()).as("limit %d", limit).containsExactly(
          "ccaas-export.jsonl:1 agent-1", "ccaas-export.jsonl:5 agent-2",
          "ccaas-export.jsonl:2 i-1", "qa-export.csv:2 e-1", "ccaas-export.jsonl:3 i-2",
          "ccaas-export.jsonl:4 i-3", "qa-export.csv:4 e-2");
      assertThat(read.events()).isEqualTo(7);
      assertThat(read.reordered()).isEqualTo(1);
      assertThat(read.summary().rejected()).isZero();
    }
  }

  @Test
  void aFileOutOfOrderIsSortedStablyAndItsStragglersCounted() throws IOException {
    Path file = Files.write(dir.resolve("unsorted.jsonl"), List.of(
        interaction("i-5", "2026-01-05T00:00:00Z"),   // 1
        interaction("i-1", "2026-01-01T00:00:00Z"),   // 2 reordered
        evaluation("e-1", "2026-01-01T00:00:00Z"),    // 3 reordered, equal time: stays after line 2
        interaction("i-6", "2026-01-06T00:00:00Z"),   // 4
        evaluation("e-5", "2026-01-05T00:00:00Z"),    // 5 reordered, equal to line 1: after it
        interaction("i-0", "2025-12-31T00:00:00Z"))); // 6 reordered
    Read read = read(ExternalSorterTest.TINY, file);
    assertThat(read.order()).containsExactly("unsorted.jsonl:6 i-0", "unsorted.jsonl:2 i-1", "unsorted.jsonl:3 e-1",
        "unsorted.jsonl:1 i-5", "unsorted.jsonl:5 e-5", "unsorted.jsonl:4 i-6");
    assertThat(read.reordered()).isEqualTo(4);
    assertThat(read.runs()).isEqualTo(5);
  }

  @Test
  void equalTimesAcrossFilesGoInTheOrderTheFilesWereGiven() throws IOException {
    String t = "2026-01-02T00:00:00Z";
    Path a = Files.write(dir.resolve("a.jsonl"), List.of(interaction("a-1", t), interaction("a-2", t)));
    Path b = Files.write(dir.resolve("b.jsonl"), List.of(evaluation("b-1", t), interaction("b-2", t)));
    assertThat(read(ExternalSorterTest.TINY, b, a).order()).containsExactly("b.jsonl:1 b-1", "b.jsonl:2 b-2", "a.jsonl:1 a-1", "a.jsonl:2 a-2");
    assertThat(read(ExternalSorterTest.TINY, a, b).order()).containsExactly("a.jsonl:1 a-1", "a.jsonl:2 a-2", "b.jsonl:1 b-1", "b.jsonl:2 b-2");
  }

  @Test
  void rejectedLinesKeepTheirFileAndLineAndAreNotSorted() throws IOException {
    Path jsonl = Files.write(dir.resolve("events.jsonl"), List.of(
        interaction("i-3", "2026-01-03T00:00:00Z"),  // 1
        "",                                          // 2 blank
        "{\"type\":\"interaction\", oops",           // 3 BAD_JSON
        interaction("i-1", "2026-01-01T00:00:00Z"),  // 4 reordered
        "{\"type\":\"call\"}"));                     // 5 UNKNOWN_TYPE
    Path csv = Files.writeString(dir.resolve("qa.csv"), "Evaluation ID,Agent ID,Evaluated At,Criterion,Score,Max Score\n"
        + csvRow("e-1", "2026-01-02T00:00:00Z", "Empathy")   // 2
        + csvRow("e-2", "2026-01-01T00:00:00Z", "Charisma")  // 3 UNKNOWN_SKILL
        + csvRow("e-3", "2025-12-30T00:00:00Z", "Empathy")); // 4 reordered
    Read read = read(ExternalSorterTest.TINY, jsonl, csv);
    assertThat(read.summary().shownRejections()).extracting(r -> r.file() + ":" + r.line() + " " + r.reason())
        .containsExactly(jsonl + ":3 BAD_JSON", jsonl + ":5 UNKNOWN_TYPE", csv + ":3 UNKNOWN_SKILL");
    assertThat(read.order()).containsExactly("qa.csv:4 e-3", "events.jsonl:4 i-1", "qa.csv:2 e-1", "events.jsonl:1 i-3");
    assertThat(read.events()).isEqualTo(4);
    assertThat(read.reordered()).isEqualTo(2);
  }

  @Test
  void theSameJsonLinesInACsvFileOrderTheSameAsInAJsonFile() throws IOException {
    Path json = Files.write(dir.resolve("qa.jsonl"), List.of(evaluation("e-2", "2026-01-02T00:00:00Z"), evaluation("e-1", "2026-01-01T00:00:00Z")));
    Path csv = Files.writeString(dir.resolve("qa.csv"), "Evaluation ID,Agent ID,Evaluated At,Criterion,Score,Max Score\n"
        + csvRow("c-2", "2026-01-02T00:00:00Z", "Empathy") + csvRow("c-1", "2026-01-01T00:00:00Z", "Empathy"));
    assertThat(read(ExternalSorterTest.TINY, csv, json).order())
        .containsExactly("qa.csv:3 c-1", "qa.jsonl:2 e-1", "qa.csv:2 c-2", "qa.jsonl:1 e-2");
  }
}
