package com.coachstream.producer.imports;

import com.coachstream.producer.CoachStreamProducer;
import com.coachstream.producer.ingest.EventChecker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code produce import}: files of events (JSON lines, QA CSV, mixed freely) to Kafka, merged in event-time
 * order across all the files.
 *
 * <p>Why: the streams processor judges lateness by how far an event is behind its source's newest one, so a
 * backfill split into one export per system must arrive as the same history would have arrived live. First
 * every file is read and checked: a rejected line is reported with its file and line at once; a valid event
 * goes, compactly encoded, into an {@link ExternalSorter} with its event time ({@link EventTime}), file
 * position and line ({@link SortingReader}); the sorter keeps memory within {@code sortMemoryBytes} by
 * spilling sorted runs to disk. Then the {@link OrderedSender} sends the merged events; events of equal time
 * keep their file's order, and the file given first goes first.
 */
public final class FileImporter {

  /** Heap for events waiting to be sorted, beyond which sorted runs are spilled to temporary files. */
  public static final long DEFAULT_SORT_MEMORY_BYTES = 64L << 20;

  private final CoachStreamProducer producer;
  private final EventChecker checker;
  private final ImportProgress progress;
  private final Path rejectsPath;
  private final long sortMemoryBytes;
  private final Path tempDir;

  /** @param rejectsPath where to write every rejected or unwritten line, or null */
  public FileImporter(CoachStreamProducer producer, ImportProgress progress, Path rejectsPath) {
    this(producer, progress, rejectsPath, DEFAULT_SORT_MEMORY_BYTES, Path.of(System.getProperty("java.io.tmpdir")));
  }

  /**
   * @param sortMemoryBytes heap for events waiting to be sorted; beyond it, sorted runs go to {@code tempDir}
   * @param tempDir where the temporary sort files are written (and deleted at the end)
   */
  public FileImporter(CoachStreamProducer producer, ImportProgress progress, Path rejectsPath, long sortMemoryBytes, Path tempDir) {
    this.producer = producer;
    this.checker = new EventChecker(producer.validator());
    this.progress = progress;
    this.rejectsPath = rejectsPath;
    this.sortMemoryBytes = sortMemoryBytes;
    this.tempDir = tempDir;
  }

  /** Imports the files as one import (a duplicate may span files); their order breaks ties of event time. */
  public ImportSummary importFiles(List<Path> files) throws IOException {
    for (Path file : files) {
      if (!Files.isReadable(file)) {
        throw new IOException("Cannot read " + file + ": no such file or no permission");
      }
    }
    if (!Files.isDirectory(tempDir) || !Files.isWritable(tempDir)) {
      throw new IOException("Cannot write temporary sort files to " + tempDir + ": no such directory or no permission");
    }
    producer.awaitBroker();
    ImportSummary summary = new ImportSummary();
    try (RejectsFile rejects = rejectsPath == null ? null : new RejectsFile(rejectsPath);
        ExternalSorter sorter = new ExternalSorter(sortMemoryBytes, tempDir)) {
      ImportReport report = new ImportReport(summary, rejects);
      SortingReader reader = new SortingReader(checker, progress, report, sorter);
      for (int index = 0; index < files.size(); index++) {
        reader.read(index, files.get(index));
      }
      EventCursor sorted = sorter.sorted();
      summary.readFiles(files.size(), reader.reordered(), sorter.runsWritten());
      List<String> names = files.stream().map(Path::toString).toList();
      new OrderedSender(producer, progress, report, names).sendAll(sorted, reader.events());
    }
    return summary;
  }
}
