package com.coachstream.producer.imports;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What an import did: events acknowledged by Kafka (of which corrections: re-sends with the same id, the same
 * event time and changed content), identical re-sends skipped, rejected lines, valid lines that were not written (their
 * send failed, or came after a failed one), and how many lines were sent out of their file's order to follow
 * event time. The first {@link #SHOWN} rejections and lines not written are kept for the summary; all of them
 * go to the rejects file when one is asked for.
 */
public final class ImportSummary {

  public static final int SHOWN = 100;

  private long accepted;
  private long corrections;
  private long duplicates;
  private long rejected;
  private long sendFailed;
  private long notSent;
  private long reordered;
  private int files;
  private int spilledRuns;
  private String firstSendFailure;
  private final List<Rejection> shownRejections = new ArrayList<>();
  private final List<NotWritten> shownNotWritten = new ArrayList<>();

  synchronized void accepted(boolean correction) {
    accepted++;
    if (correction) {
      corrections++;
    }
  }

  synchronized void duplicate() {
    duplicates++;
  }

  synchronized void rejected(Rejection rejection) {
    rejected++;
    if (shownRejections.size() < SHOWN) {
      shownRejections.add(rejection);
    }
  }

  /** @param failure why Kafka did not take it, for a {@link NotWritten.Why#SEND_FAILED} line; null otherwise */
  synchronized void notWritten(NotWritten line, String failure) {
    if (line.why() == NotWritten.Why.SEND_FAILED) {
      sendFailed++;
      if (firstSendFailure == null) {
        firstSendFailure = failure;
      }
    } else {
      notSent++;
    }
    if (shownNotWritten.size() < SHOWN) {
      shownNotWritten.add(line);
    }
  }

  /** @param runs sorted runs the import wrote to temporary files to keep within its sort memory */
  synchronized void readFiles(int count, long reorderedLines, int runs) {
    files = count;
    reordered = reorderedLines;
    spilledRuns = runs;
  }

  public synchronized long accepted() {
    return accepted;
  }

  public synchronized long corrections() {
    return corrections;
  }

  public synchronized long duplicates() {
    return duplicates;
  }

  public synchronized long rejected() {
    return rejected;
  }

  /** Valid lines whose send Kafka did not acknowledge. */
  public synchronized long sendFailed() {
    return sendFailed;
  }

  /** Valid lines not sent because an earlier send had failed. */
  public synchronized long notSent() {
    return notSent;
  }

  public synchronized long notWritten() {
    return sendFailed + notSent;
  }

  /** Lines sent before a line above them in their file, to follow event time. */
  public synchronized long reordered() {
    return reordered;
  }

  public synchronized List<Rejection> shownRejections() {
    return Collections.unmodifiableList(new ArrayList<>(shownRejections));
  }

  public synchronized List<NotWritten> shownNotWritten() {
    return Collections.unmodifiableList(new ArrayList<>(shownNotWritten));
  }

  /** 0 when every line was written or a duplicate, 1 when a line was rejected, 3 when a valid line was not written. */
  public synchronized int exitCode() {
    return notWritten() > 0 ? 3 : rejected > 0 ? 1 : 0;
  }

  public synchronized void print(PrintWriter out) {
    out.printf("accepted %d (corrections %d), duplicates %d, rejected %d, not written %d%n",
        accepted, corrections, duplicates, rejected, notWritten());
    out.printf("sent in event-time order across %d file%s: %d line%s reordered (sent before a line above them in their file)%s%n",
        files, files == 1 ? "" : "s", reordered, reordered == 1 ? "" : "s",
        spilledRuns == 0 ? "" : "; sorted beyond --sort-memory with " + spilledRuns + " temporary run" + (spilledRuns == 1 ? "" : "s"));
    shownRejections.forEach(r -> out.println("  rejected " + r));
    if (rejected > shownRejections.size()) {
      out.printf("  ... and %d more rejected lines (write them all with --rejects FILE)%n", rejected - shownRejections.size());
    }
    if (notWritten() > 0) {
      out.printf("NOT WRITTEN: Kafka did not acknowledge %d line%s (send failed %d, not sent after the failure %d). First failure: %s%n",
          notWritten(), notWritten() == 1 ? "" : "s", sendFailed, notSent, firstSendFailure);
      shownNotWritten.forEach(line -> out.println("  not written " + line));
      if (notWritten() > shownNotWritten.size()) {
        out.printf("  ... and %d more lines not written (write them all with --rejects FILE)%n", notWritten() - shownNotWritten.size());
      }
      out.println("Import the files again once Kafka is back: events already written are recognised by their ids and not counted twice.");
    }
    out.flush();
  }
}
