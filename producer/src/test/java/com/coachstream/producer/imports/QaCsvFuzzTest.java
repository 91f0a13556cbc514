package com.coachstream.producer.imports;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.coachstream.producer.ingest.EventChecker;
import com.coachstream.producer.ingest.EventChecker.Checked;
import com.coachstream.producer.support.FuzzCsv;
import com.coachstream.producer.support.FuzzCsv.CsvFile;
import com.coachstream.producer.support.FuzzTally;
import com.coachstream.producer.support.TopicEncoding;
import com.coachstream.schemas.validation.EventValidator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Fuzzes the CSV side of {@code produce import} without Kafka (issue 8 item 6): generated QA exports with broken
 * cells and damaged files. Reading ends in bounded time; every record is an event the producer can encode or a
 * rejection with a reason code whose message does not repeat a customer reference; an undamaged file gives back
 * exactly the evaluations it was written with.
 */
@Tag("faults")
class QaCsvFuzzTest {

  /** Far above what a file of a few dozen rows takes; only a hang reaches it. */
  private static final Duration NO_HANG = Duration.ofSeconds(30);
  private static final FuzzTally TALLY = new FuzzTally("import QA CSV (reader and validation, no Kafka)");

  private final EventChecker checker = new EventChecker(EventValidator.withDefaults());

  @Provide
  Arbitrary<CsvFile> files() {
    return FuzzCsv.files();
  }

  @Property(tries = 1000)
  void everyEvaluationIsOneEventOrOneRejectionWithAReason(@ForAll("files") CsvFile file) {
    TALLY.tried(file.damage().isEmpty() ? "undamaged" : "damaged");
    List<SourceRecord> records = assertTimeoutPreemptively(NO_HANG, () -> readAll(file.bytes()));

    long lines = file.text().lines().count();
    assertThat(records).hasSizeLessThanOrEqualTo((int) Math.max(1, lines));
    assertThat(records).extracting(SourceRecord::line).as("line numbers, one record each").isSorted().doesNotHaveDuplicates();
    for (SourceRecord record : records) {
      assertThat(record.line()).as("line number").isBetween(1L, lines + 1);
      Checked checked = record.checked();
      if (checked.isValid()) {
        TALLY.answered("accepted");
        assertThatCode(() -> TopicEncoding.encode(checked.event())).as("line %d encodes", record.line()).doesNotThrowAnyException();
      } else {
        TALLY.answered("rejected " + checked.reason());
        assertThat(checked.message()).as("line %d", record.line()).isNotBlank();
        file.customerRefs().forEach(ref -> assertThat(checked.message()).as("line %d", record.line()).doesNotContain(ref));
      }
    }
    if (file.damage().isEmpty()) {
      assertThat(records).hasSize(file.evaluations()).allSatisfy(r -> assertThat(r.checked().violations()).isEmpty());
    }
  }

  @AfterContainer
  static void printCounts() {
    TALLY.print();
  }

  private List<SourceRecord> readAll(byte[] bytes) throws IOException {
    List<SourceRecord> records = new ArrayList<>();
    try (QaCsvReader reader = new QaCsvReader(new InputStreamReader(new ByteArrayInputStream(bytes), UTF_8), checker)) {
      for (SourceRecord record = reader.next(); record != null; record = reader.next()) {
        records.add(record);
      }
    }
    return records;
  }
}
