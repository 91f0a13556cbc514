package com.coachstream.producer.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachstream.producer.ingest.EventChecker;
import com.coachstream.schemas.validation.EventValidator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines parsed ahead on several threads still come out one by one, in the file's order, with their line numbers. */
class JsonLinesReaderTest {

  private final EventChecker checker = new EventChecker(EventValidator.withDefaults());

  /** Line k (1-based): blank every 7th, not JSON every 11th, otherwise interaction i-k. */
  private static String file(int lines) {
    StringBuilder text = new StringBuilder();
    for (int k = 1; k <= lines; k++) {
      text.append(k % 7 == 0 ? "  " : k % 11 == 0 ? "{not json" : SortingReaderTest.interaction("i-" + k, "2026-01-01T10:00:00Z"))
          .append('\n');
    }
    return text.toString();
  }

  @Test
  void everyLineComesOutInTheFilesOrderWhateverTheThreads() throws IOException {
    int lines = 3_000;
    for (int threads : new int[] {1, 3}) {
      List<SourceRecord> records = readAll(new BufferedReader(new StringReader(file(lines))), threads, new ArrayList<>());
      List<Long> expectedLines = new ArrayList<>();
      for (long k = 1; k <= lines; k++) {
        if (k % 7 != 0) {
          expectedLines.add(k);
        }
      }
      assertThat(records).extracting(SourceRecord::line).as("%d threads", threads).containsExactlyElementsOf(expectedLines);
      for (SourceRecord record : records) {
        if (record.line() % 11 == 0) {
          assertThat(record.checked().isValid()).as("line %d", record.line()).isFalse();
          assertThat(record.sortBytes()).isNull();
        } else {
          assertThat(SortingReaderTest.id(record.checked().event())).isEqualTo("i-" + record.line());
          assertThat(record.sortBytes()).as("encoded for the sort on the parsing threads")
              .isEqualTo(EventCodec.encode(record.checked().event())).isEqualTo(record.encoded());
        }
      }
    }
  }

  @Test
  void aReadFailureComesAfterEveryLineReadBeforeIt() {
    String text = file(600);
    Reader failingAtTheEnd = new Reader() {
      private final StringReader content = new StringReader(text);

      @Override
      public int read(char[] buffer, int offset, int length) throws IOException {
        int read = content.read(buffer, offset, length);
        if (read < 0) {
          throw new IOException("disk gone");
        }
        return read;
      }

      @Override
      public void close() { }
    };
    List<SourceRecord> taken = new ArrayList<>();

    assertThatThrownBy(() -> readAll(new BufferedReader(failingAtTheEnd), 2, taken)).hasMessage("disk gone");
    assertThat(taken).hasSize(600 - 600 / 7).last().extracting(SourceRecord::line).isEqualTo(600L);
  }

  private List<SourceRecord> readAll(BufferedReader text, int threads, List<SourceRecord> records) throws IOException {
    try (JsonLinesReader reader = new JsonLinesReader(text, checker, threads)) {
      for (SourceRecord record = reader.next(); record != null; record = reader.next()) {
        records.add(record);
      }
    }
    return records;
  }
}
