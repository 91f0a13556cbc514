package com.coachstream.producer.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.producer.ingest.EventChecker;
import com.coachstream.schemas.validation.EventValidator;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read-and-sort half of an import on a file far larger than the heap, in reverse event-time order (the
 * worst case: every line but the first moves). Run it with a small heap to see the memory stay bounded:
 * {@code mvn -o -pl producer test -Pbenchmark -Dtest=ImportSortBenchmark -DargLine=-Xmx64m -Dsort.events=1000000}.
 */
@Tag("benchmark")
class ImportSortBenchmark {

  @Test
  void sortsAFileLargerThanTheHeapWithinTheSortMemory(@TempDir Path dir) throws Exception {
    int events = Integer.getInteger("sort.events", 1_000_000);
    long sortMemory = Long.getLong("sort.memory.mib", 16) << 20;
    Path file = dir.resolve("reversed.jsonl");
    Instant newest = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.DAYS);
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      for (int i = 0; i < events; i++) {
        Instant ended = newest.minusSeconds(i);
        out.write("{\"type\":\"interaction\",\"interactionId\":\"i-" + i + "\",\"agentId\":\"agent-" + i % 500 + "\",\"channel\":\"VOICE\","
            + "\"startedAt\":\"" + ended.minusSeconds(300) + "\",\"endedAt\":\"" + ended + "\",\"csat\":4,\"resolved\":true,"
            + "\"customerRef\":\"cust-" + i + "\",\"skillSignals\":{\"empathy\":71.5,\"compliance\":90}}\n");
      }
    }
    // What reading and checking alone cost (all an import did before it sorted), to set the sort's cost against.
    long readBegan = System.nanoTime();
    long checked = 0;
    try (RecordReader plain = new JsonLinesReader(Files.newBufferedReader(file), new EventChecker(EventValidator.withDefaults()))) {
      for (SourceRecord record = plain.next(); record != null; record = plain.next()) {
        checked += record.checked().isValid() ? 1 : 0;
      }
    }
    double readSeconds = (System.nanoTime() - readBegan) / 1e9;
    assertThat(checked).isEqualTo(events);

    long began = System.nanoTime();
    ImportSummary summary = new ImportSummary();
    long sorted = 0;
    long runs;
    try (ExternalSorter sorter = new ExternalSorter(sortMemory, dir)) {
      SortingReader reader = new SortingReader(new EventChecker(EventValidator.withDefaults()), ImportProgress.NONE,
          new ImportReport(summary, null), sorter);
      reader.read(0, file);
      long previous = Long.MIN_VALUE;
      EventCursor cursor = sorter.sorted();
      for (ImportedEvent event = cursor.next(); event != null; event = cursor.next()) {
        assertThat(event.eventTime()).isGreaterThanOrEqualTo(previous);
        previous = event.eventTime();
        sorted++;
      }
      runs = sorter.runsWritten();
      assertThat(reader.reordered()).isEqualTo(events - 1);
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    assertThat(sorted).isEqualTo(events);
    System.out.printf("BENCHMARK import sort: %d events, %d MiB of JSON lines, max heap %d MiB, sort memory %d MiB: "
            + "read, checked and sorted in %.1f s (%.0f events/s) with %d temporary runs; read and checked alone %.1f s%n",
        events, Files.size(file) >> 20, Runtime.getRuntime().maxMemory() >> 20, sortMemory >> 20, seconds, events / seconds, runs,
        readSeconds);
  }
}
