package com.coachstream.producer.imports;

import com.coachstream.producer.ingest.EventChecker;
import java.io.BufferedReader;
import java.io.IOException;

/**
 * JSON lines: one event object per line with its {@code "type"}. Blank lines are skipped; every
 * other line is one event, valid or rejected with its reasons.
 */
public final class JsonLinesReader implements RecordReader {

  private final BufferedReader reader;
  private final EventChecker checker;
  private long lineNumber;

  public JsonLinesReader(BufferedReader reader, EventChecker checker) {
    this.reader = reader;
    this.checker = checker;
  }

  @Override
  public SourceRecord next() throws IOException {
    String line;
    do {
      line = reader.readLine();
      lineNumber++;
      if (line == null) {
        return null;
      }
    } while (line.isBlank());
    return new SourceRecord(lineNumber, checker.parse(line));
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
