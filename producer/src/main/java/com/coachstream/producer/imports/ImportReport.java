package com.coachstream.producer.imports;

/** Where an import records a line it did not write: the summary, and the rejects file when one is asked for. */
final class ImportReport {

  private final ImportSummary summary;
  private final RejectsFile rejects;

  /** @param rejects null when no rejects file is asked for */
  ImportReport(ImportSummary summary, RejectsFile rejects) {
    this.summary = summary;
    this.rejects = rejects;
  }

  ImportSummary summary() {
    return summary;
  }

  void rejected(Rejection rejection) {
    summary.rejected(rejection);
    if (rejects != null) {
      rejects.write(rejection);
    }
  }

  /** @param failure what Kafka said, for a line whose send failed */
  void notWritten(NotWritten line, String failure) {
    summary.notWritten(line, failure);
    if (rejects != null) {
      rejects.write(line);
    }
  }
}
