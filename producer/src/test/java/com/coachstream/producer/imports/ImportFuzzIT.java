package com.coachstream.producer.imports;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.producer.CoachStreamProducer;
import com.coachstream.producer.ingest.EventChecker;
import com.coachstream.producer.support.FuzzCsv;
import com.coachstream.producer.support.FuzzCsv.CsvFile;
import com.coachstream.producer.support.FuzzFiles;
import com.coachstream.producer.support.FuzzFiles.JsonLinesFile;
import com.coachstream.producer.support.FuzzTally;
import com.coachstream.producer.support.LogCapture;
import com.coachstream.producer.support.Mutations.EventInput;
import com.coachstream.producer.support.Samples;
import com.coachstream.producer.support.TopicReader;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.schemas.topics.Topics;
import com.coachstream.schemas.validation.EventValidator;
import com.coachstream.schemas.validation.ReasonCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the whole import onto a real broker (issue 8 item 6): JSON-lines files of generated and mutated events
 * (with re-sends) and damaged QA CSV exports, each imported with a rejects file. Every import ends in bounded
 * time; every event line is counted exactly once, as accepted, duplicate or rejected with a reason code; the
 * rejects file holds exactly the rejected lines; the topics hold exactly the accepted events; and no summary,
 * rejects file or log line repeats a customer reference. {@link JsonLinesFuzzTest} and {@link QaCsvFuzzTest}
 * run many more files through the readers alone.
 */
@Tag("integration")
@Tag("faults")
@Timeout(180)
@ExtendWith(KafkaBrokerExtension.class)
class ImportFuzzIT {

  static final int JSON_FILES = 60;
  static final int CSV_FILES = 30;
  /** Far above what a file of a few dozen lines takes; only a hang reaches it. */
  static final Duration NO_HANG = Duration.ofSeconds(60);
  static final ObjectMapper JSON = new ObjectMapper();

  final FuzzTally tally = new FuzzTally("import (JSON lines and QA CSV) on a real broker");
  final Set<String> customerRefs = new HashSet<>();
  long accepted;

  @Test
  void everyLineIsCountedOnceAsAcceptedDuplicateOrRejected(KafkaTestBroker broker, @TempDir Path dir) throws Exception {
    TopicNames names = TopicNames.DEFAULTS.withPrefix(broker.uniqueName("import-fuzz") + ".");
    broker.createTopics(Map.of(names.interactions(), 3, names.qaEvaluations(), 3, names.agents(), 1));
    List<String> logLines;
    try (LogCapture logs = LogCapture.start();
        CoachStreamProducer producer = new CoachStreamProducer(broker.clientProperties(), new Topics(names), EventValidator.withDefaults())) {
      int n = 0;
      for (JsonLinesFile file : Samples.draw("import JSON-lines files", FuzzFiles.jsonLines(40), JSON_FILES)) {
        file.inputs().stream().map(EventInput::kind).forEach(tally::tried);
        customerRefs.addAll(file.customerRefs());
        importAndCheck(producer, Files.write(dir.resolve("events-" + n++ + ".jsonl"), file.bytes()), file.eventLineNumbers().size());
      }
      for (CsvFile file : Samples.draw("import QA CSV files", FuzzCsv.files(), CSV_FILES)) {
        tally.tried(file.damage().isEmpty() ? "CSV, undamaged" : "CSV, damaged");
        customerRefs.addAll(file.customerRefs());
        importAndCheck(producer, Files.write(dir.resolve("qa-" + n++ + ".csv"), file.bytes()), recordsIn(file));
      }
      logLines = logs.lines();
    }
    tally.print();
    assertThat(TopicReader.count(broker.clientProperties(), List.of(names.interactions(), names.qaEvaluations(), names.agents())))
        .as("records on the topics = events counted as accepted").isEqualTo(accepted);
    customerRefs.forEach(ref -> assertThat(logLines).noneMatch(line -> line.contains(ref)));
  }

  private void importAndCheck(CoachStreamProducer producer, Path file, long expectedRecords) throws Exception {
    Path rejectsFile = file.resolveSibling(file.getFileName() + ".rejects");
    ImportSummary summary = assertTimeoutPreemptively(NO_HANG,
        () -> new FileImporter(producer, ImportProgress.NONE, rejectsFile).importFiles(List.of(file)));

    assertThat(summary.accepted() + summary.duplicates() + summary.rejected()).as("records of %s", file).isEqualTo(expectedRecords);
    List<String> rejects = Files.readAllLines(rejectsFile, UTF_8);
    assertThat(rejects).as("rejects of %s", file).hasSize((int) summary.rejected());
    List<Long> rejectedLines = new ArrayList<>();
    for (String line : rejects) {
      JsonNode rejection = JSON.readTree(line);
      rejectedLines.add(rejection.get("line").asLong());
      assertThat(ReasonCode.valueOf(rejection.get("reason").asText())).isNotNull();
      assertThat(rejection.get("message").asText()).isNotBlank();
      tally.answered("rejected " + rejection.get("reason").asText());
    }
    assertThat(rejectedLines).as("each rejected line once").doesNotHaveDuplicates();

    StringWriter printed = new StringWriter();
    summary.print(new PrintWriter(printed));
    String rejectsText = String.join("\n", rejects);
    customerRefs.forEach(ref -> assertThat(printed.toString() + rejectsText).as("summary and rejects of %s", file).doesNotContain(ref));
    accepted += summary.accepted();
    tally.answered("accepted", summary.accepted());
    tally.answered("duplicate", summary.duplicates());
  }

  /** How many records (evaluations, or rejected rows) the CSV reader finds: the import must count each once. */
  private static long recordsIn(CsvFile file) throws Exception {
    long records = 0;
    try (QaCsvReader reader = new QaCsvReader(new InputStreamReader(new ByteArrayInputStream(file.bytes()), UTF_8),
        new EventChecker(EventValidator.withDefaults()))) {
      while (reader.next() != null) {
        records++;
      }
    }
    return records;
  }
}
