package com.coachstream.producer.imports;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.coachstream.producer.ingest.EventChecker;
import com.coachstream.producer.ingest.EventChecker.Checked;
import com.coachstream.producer.support.FuzzFiles;
import com.coachstream.producer.support.FuzzFiles.JsonLinesFile;
import com.coachstream.producer.support.FuzzTally;
import com.coachstream.producer.support.TopicEncoding;
import com.coachstream.schemas.validation.EventValidator;
import java.io.BufferedReader;
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
 * Fuzzes the JSON-lines side of {@code produce import} without Kafka (issue 8 item 6): files of generated and
 * mutated events. Every non-blank line is exactly one record, read in bounded time, that is either an event the
 * producer can encode or a rejection with a reason code and a message that does not repeat the customer reference.
 * {@link ImportFuzzIT} runs such files through the whole import onto a broker.
 */
@Tag("faults")
class JsonLinesFuzzTest {

  /** Far above what a file of 30 lines takes; only a hang reaches it. */
  private static final Duration NO_HANG = Duration.ofSeconds(30);
  private static final FuzzTally TALLY = new FuzzTally("import JSON lines (reader and validation, no Kafka)");

  private final EventChecker checker = new EventChecker(EventValidator.withDefaults());

  @Provide
  Arbitrary<JsonLinesFile> files() {
    return FuzzFiles.jsonLines(30);
  }

  @Property(tries = 500)
  void everyLineIsOneEventOrOneRejectionWithAReason(@ForAll("files") JsonLinesFile file) {
    file.inputs().forEach(input -> TALLY.tried(input.kind()));
    List<SourceRecord> records = assertTimeoutPreemptively(NO_HANG, () -> readAll(file.bytes()));

    assertThat(records).extracting(SourceRecord::line).containsExactlyElementsOf(file.eventLineNumbers());
    for (SourceRecord record : records) {
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
  }

  @AfterContainer
  static void printCounts() {
    TALLY.print();
  }

  private List<SourceRecord> readAll(byte[] bytes) throws IOException {
    List<SourceRecord> records = new ArrayList<>();
    BufferedReader text = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes), UTF_8));
    try (JsonLinesReader reader = new JsonLinesReader(text, checker)) {
      for (SourceRecord record = reader.next(); record != null; record = reader.next()) {
        records.add(record);
      }
    }
    return records;
  }
}
