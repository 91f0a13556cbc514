package com.coachstream.producer.imports;

import com.coachstream.avro.QaEvaluation;
import com.coachstream.producer.CoachStreamProducer;
import com.coachstream.producer.SendFailedException;
import com.coachstream.producer.ingest.DuplicateTracker;
import com.coachstream.producer.ingest.DuplicateTracker.Verdict;
import com.coachstream.producer.ingest.EventChecker;
import com.coachstream.schemas.validation.ReasonCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;

/**
 * {@code produce import}: streams files of events (JSON lines, QA CSV) to Kafka. Each record is checked
 * (SPEC §4), then compared with the earlier ones of this import: an identical re-send is counted as a
 * duplicate and skipped, a changed one (a QA correction) is sent. A record counts as accepted once Kafka
 * acknowledged it. The first failure of the broker stops the import with a {@link SendFailedException}.
 */
public final class FileImporter {

  private final CoachStreamProducer producer;
  private final EventChecker checker;
  private final ImportProgress progress;
  private final Path rejectsPath;

  /** @param rejectsPath where to write every rejected line, or null */
  public FileImporter(CoachStreamProducer producer, ImportProgress progress, Path rejectsPath) {
    this.producer = producer;
    this.checker = new EventChecker(producer.validator());
    this.progress = progress;
    this.rejectsPath = rejectsPath;
  }

  /** Imports the files in order, as one import (a duplicate may span files). */
  public ImportSummary importFiles(List<Path> files) throws IOException {
    for (Path file : files) {
      if (!Files.isReadable(file)) {
        throw new IOException("Cannot read " + file + ": no such file or no permission");
      }
    }
    producer.awaitBroker();
    ImportSummary summary = new ImportSummary();
    DuplicateTracker duplicates = new DuplicateTracker();
    AtomicReference<Throwable> brokerFailure = new AtomicReference<>();
    try (RejectsFile rejects = rejectsPath == null ? null : new RejectsFile(rejectsPath)) {
      Run run = new Run(summary, duplicates, brokerFailure, rejects);
      for (Path file : files) {
        run.importFile(file);
      }
      producer.flush();
    }
    if (brokerFailure.get() != null) {
      throw asSendFailure(brokerFailure.get());
    }
    return summary;
  }

  /** The state of one import across its files. */
  private final class Run {
    private final ImportSummary summary;
    private final DuplicateTracker duplicates;
    private final AtomicReference<Throwable> brokerFailure;
    private final RejectsFile rejects;

    Run(ImportSummary summary, DuplicateTracker duplicates, AtomicReference<Throwable> brokerFailure, RejectsFile rejects) {
      this.summary = summary;
      this.duplicates = duplicates;
      this.brokerFailure = brokerFailure;
      this.rejects = rejects;
    }

    void importFile(Path file) throws IOException {
      String name = file.toString();
      InputStream in = progress.track(Files.newInputStream(file), file.getFileName().toString(), Files.size(file));
      BufferedReader text = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
      try (RecordReader reader = ImportFormat.of(file) == ImportFormat.CSV
          ? new QaCsvReader(text, checker) : new JsonLinesReader(text, checker)) {
        long count = 0;
        for (SourceRecord record = reader.next(); record != null; record = reader.next()) {
          if (brokerFailure.get() != null) {
            throw asSendFailure(brokerFailure.get());
          }
          handle(name, record);
          progress.eventsRead(file.getFileName().toString(), ++count);
        }
      }
    }

    private void handle(String file, SourceRecord record) {
      if (!record.checked().isValid()) {
        reject(new Rejection(file, record.line(), record.checked().reason(), record.checked().message()));
        return;
      }
      SpecificRecord event = record.checked().event();
      Verdict verdict = duplicates.observe(event);
      if (verdict == Verdict.DUPLICATE) {
        summary.duplicate();
        return;
      }
      boolean correction = verdict == Verdict.CHANGED && event instanceof QaEvaluation;
      producer.sendValidated(event).whenComplete((metadata, error) -> {
        if (error == null) {
          summary.accepted(correction);
        } else if (error instanceof SendFailedException failure && failure.recordTooLarge()) {
          reject(new Rejection(file, record.line(), ReasonCode.TOO_LARGE, "the event is larger than Kafka accepts"));
        } else {
          brokerFailure.compareAndSet(null, error);
        }
      });
    }

    private void reject(Rejection rejection) {
      summary.rejected(rejection);
      if (rejects != null) {
        rejects.write(rejection);
      }
    }
  }

  private static RuntimeException asSendFailure(Throwable error) {
    return error instanceof RuntimeException runtime ? runtime : new IllegalStateException(error);
  }
}
