package com.coachstream.producer.imports;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts any number of events in {@link ImportedEvent#ORDER} with bounded memory: events are kept in memory
 * up to {@code memoryLimitBytes}; beyond it the buffer is sorted and spilled to a run file in a temporary
 * directory, and {@link #sorted()} merges the runs and what is left in memory. A 10 GB export thus needs
 * about the limit in heap and its encoded size on disk. When there are more runs than can sensibly be open
 * at once, they are first merged in groups of {@link #MAX_FAN_IN}.
 */
final class ExternalSorter implements Closeable {

  private static final Logger log = LoggerFactory.getLogger(ExternalSorter.class);

  /** Open run files during one merge: each costs a file handle and a 64 KiB buffer. */
  static final int MAX_FAN_IN = 64;

  private final long memoryLimitBytes;
  private final Path tempParent;
  private final List<ImportedEvent> buffer = new ArrayList<>();
  private final List<Path> runs = new ArrayList<>();
  private long bufferedBytes;
  private int runsWritten;
  private Path tempDir;
  private EventCursor result;

  /** @param tempParent where the temporary directory of spilled runs is created */
  ExternalSorter(long memoryLimitBytes, Path tempParent) {
    if (memoryLimitBytes <= 0) {
      throw new IllegalArgumentException("The sort memory limit must be positive, was " + memoryLimitBytes);
    }
    this.memoryLimitBytes = memoryLimitBytes;
    this.tempParent = tempParent;
  }

  void add(ImportedEvent event) throws IOException {
    if (result != null) {
      throw new IllegalStateException("sorted() was called: no more events may be added");
    }
    if (!buffer.isEmpty() && bufferedBytes + event.estimatedBytes() > memoryLimitBytes) {
      spill();
    }
    buffer.add(event);
    bufferedBytes += event.estimatedBytes();
  }

  /** Every event added, in order. The cursor is closed with the sorter. */
  EventCursor sorted() throws IOException {
    if (result != null) {
      throw new IllegalStateException("sorted() may be called once");
    }
    buffer.sort(ImportedEvent.ORDER);
    while (runs.size() > MAX_FAN_IN) {
      List<Path> group = new ArrayList<>(runs.subList(0, MAX_FAN_IN));
      runs.subList(0, MAX_FAN_IN).clear();
      Path merged = nextRunPath();
      try (EventCursor cursor = new RunMerge(open(group))) {
        RunFile.write(merged, cursor);
      }
      for (Path run : group) {
        Files.delete(run);
      }
      runs.add(merged);
    }
    List<EventCursor> sources = open(runs);
    sources.add(inMemory(buffer.iterator()));
    try {
      result = new RunMerge(sources);
    } catch (IOException | RuntimeException e) {
      closeQuietly(sources); // so close() can still delete the run files they hold open
      throw e;
    }
    return result;
  }

  /** How many sorted runs went to disk (merges of runs included). */
  int runsWritten() {
    return runsWritten;
  }

  private void spill() throws IOException {
    buffer.sort(ImportedEvent.ORDER);
    Path run = nextRunPath();
    RunFile.write(run, buffer);
    runs.add(run);
    buffer.clear();
    bufferedBytes = 0;
  }

  private Path nextRunPath() throws IOException {
    if (tempDir == null) {
      tempDir = Files.createTempDirectory(tempParent, "coachstream-import-sort-");
      tempDir.toFile().deleteOnExit();
    }
    Path run = tempDir.resolve("run-" + runsWritten++ + ".bin");
    // Ctrl-C skips close(): the JVM still deletes what is registered here (runs first, then their directory).
    run.toFile().deleteOnExit();
    return run;
  }

  private static List<EventCursor> open(List<Path> paths) throws IOException {
    List<EventCursor> cursors = new ArrayList<>();
    try {
      for (Path path : paths) {
        cursors.add(RunFile.read(path));
      }
    } catch (IOException | RuntimeException e) {
      closeQuietly(cursors);
      throw e;
    }
    return cursors;
  }

  private static void closeQuietly(List<EventCursor> cursors) {
    for (EventCursor cursor : cursors) {
      try {
        cursor.close();
      } catch (IOException | RuntimeException e) {
        log.warn("Cannot close a temporary sort file: {}", e.toString());
      }
    }
  }

  private static EventCursor inMemory(Iterator<ImportedEvent> events) {
    return new EventCursor() {
      @Override
      public ImportedEvent next() {
        return events.hasNext() ? events.next() : null;
      }

      @Override
      public void close() { }
    };
  }

  /** Closes the merge and deletes every run file. */
  @Override
  public void close() throws IOException {
    try {
      if (result != null) {
        result.close();
      }
    } finally {
      buffer.clear();
      if (tempDir != null) {
        try (Stream<Path> files = Files.walk(tempDir)) {
          files.sorted(Comparator.reverseOrder()).forEach(ExternalSorter::delete);
        } catch (IOException | UncheckedIOException e) {
          log.warn("Cannot list the temporary sort files in {}: {}", tempDir, e.toString());
        }
      }
    }
  }

  /** Cleanup never fails an import that sent everything: a file left behind is named and the rest deleted. */
  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      log.warn("Cannot delete the temporary sort file {}: {}", path, e.toString());
    }
  }
}
