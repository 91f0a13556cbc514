package com.coachstream.producer.imports;

import com.coachstream.producer.ingest.EventChecker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * JSON lines: one event object per line with its {@code "type"}. Blank lines are skipped; every
 * other line is one event, valid or rejected with its reasons.
 *
 * <p>Parsing and checking a line is most of what an import spends on it, and lines do not depend on each other:
 * batches of lines are parsed ahead on {@code threads} threads while the caller takes the events, always in
 * the file's order. At most {@code 2 × threads} batches are ahead, so memory stays small whatever the file. The
 * parsing threads also encode each valid event for the sort ({@link SourceRecord#sortBytes}).
 */
public final class JsonLinesReader implements RecordReader {

  /** Lines per task: enough to outweigh handing a task over, few enough to keep what is read ahead small. */
  private static final int BATCH_LINES = 256;

  private record Line(long number, String text) { }

  private final BufferedReader reader;
  private final EventChecker checker;
  private final ExecutorService parsers;
  private final int maxAhead;
  private final Deque<Future<List<SourceRecord>>> ahead = new ArrayDeque<>();
  private Iterator<SourceRecord> current = Collections.emptyIterator();
  private long lineNumber;
  private boolean endOfFile;
  /** A read failure found while reading ahead: raised once every line before it has been taken. */
  private IOException failure;

  /** Parses on as many threads as there are processors. */
  public JsonLinesReader(BufferedReader reader, EventChecker checker) {
    this(reader, checker, Runtime.getRuntime().availableProcessors());
  }

  public JsonLinesReader(BufferedReader reader, EventChecker checker, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("At least one parsing thread is needed, was " + threads);
    }
    this.reader = reader;
    this.checker = checker;
    this.maxAhead = 2 * threads;
    this.parsers = Executors.newFixedThreadPool(threads, task -> {
      Thread thread = new Thread(task, "import-json-parser");
      thread.setDaemon(true); // never keeps the JVM alive, even if the reader is not closed
      return thread;
    });
  }

  @Override
  public SourceRecord next() throws IOException {
    while (!current.hasNext()) {
      readAhead();
      Future<List<SourceRecord>> batch = ahead.poll();
      if (batch == null) {
        if (failure != null) {
          throw failure;
        }
        return null;
      }
      current = parsed(batch).iterator();
    }
    return current.next();
  }

  private void readAhead() {
    while (!endOfFile && ahead.size() < maxAhead) {
      List<Line> lines = new ArrayList<>(BATCH_LINES);
      try {
        while (lines.size() < BATCH_LINES) {
          String text = reader.readLine();
          lineNumber++;
          if (text == null) {
            endOfFile = true;
            break;
          }
          if (!text.isBlank()) {
            lines.add(new Line(lineNumber, text));
          }
        }
      } catch (IOException e) {
        failure = e;
        endOfFile = true;
      }
      if (!lines.isEmpty()) {
        // each valid event is encoded for the sort here too: on the parsing threads rather than the one that sorts
        ahead.add(parsers.submit(() -> lines.stream().map(l -> SourceRecord.encodedNow(l.number, checker.parse(l.text))).toList()));
      }
    }
  }

  private static List<SourceRecord> parsed(Future<List<SourceRecord>> batch) throws IOException {
    try {
      return batch.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while parsing JSON lines");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("Cannot parse JSON lines", e.getCause());
    }
  }

  @Override
  public void close() throws IOException {
    parsers.shutdownNow();
    reader.close();
  }
}
