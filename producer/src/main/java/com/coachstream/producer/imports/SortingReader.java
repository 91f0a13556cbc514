package com.coachstream.producer.imports;

import com.coachstream.producer.ingest.EventChecker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.specific.SpecificRecord;

/**
 * The first half of an import: reads each file (JSON lines or QA CSV, by its name), reports every rejected
 * line with its file and line at once, and puts every valid event, compactly encoded, into the sorter with
 * its event time, file position and line. Counts the lines that will be sent out of their file's order.
 */
final class SortingReader {

  private final EventChecker checker;
  private final ImportProgress progress;
  private final ImportReport report;
  private final ExternalSorter sorter;
  private long events;
  private long reordered;

  SortingReader(EventChecker checker, ImportProgress progress, ImportReport report, ExternalSorter sorter) {
    this.checker = checker;
    this.progress = progress;
    this.report = report;
    this.sorter = sorter;
  }

  /** Reads one file; {@code index} is its position among the import's files, which breaks ties of event time. */
  void read(int index, Path file) throws IOException {
    String name = file.toString();
    String shortName = file.getFileName().toString();
    InputStream in = progress.track(Files.newInputStream(file), shortName, Files.size(file));
    BufferedReader text = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    ReorderCounter order = new ReorderCounter();
    long read = 0;
    try (RecordReader reader = ImportFormat.of(file) == ImportFormat.CSV
        ? new QaCsvReader(text, checker) : new JsonLinesReader(text, checker)) {
      for (SourceRecord record = reader.next(); record != null; record = reader.next()) {
        if (record.checked().isValid()) {
          SpecificRecord event = record.checked().event();
          long eventTime = EventTime.of(event);
          order.observe(eventTime);
          sorter.add(new ImportedEvent(eventTime, index, record.line(), record.encoded()));
          events++;
        } else {
          report.rejected(new Rejection(name, record.line(), record.checked().reason(), record.checked().message()));
        }
        progress.eventsRead(shortName, ++read);
      }
    }
    reordered += order.reordered();
  }

  /** Valid events read so far, from all files. */
  long events() {
    return events;
  }

  /** Lines of the files read so far that go before a line above them in their file. */
  long reordered() {
    return reordered;
  }
}
