package com.coachstream.producer.imports;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What an import did: events acknowledged by Kafka (of which corrections: re-sends with the same id and
 * changed content), identical re-sends skipped, and rejected lines. The first {@link #SHOWN_REJECTIONS}
 * rejections are kept for the summary; all of them go to the rejects file when one is asked for.
 */
public final class ImportSummary {

  public static final int SHOWN_REJECTIONS = 100;

  private long accepted;
  private long corrections;
  private long duplicates;
  private long rejected;
  private final List<Rejection> shownRejections = new ArrayList<>();

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
    if (shownRejections.size() < SHOWN_REJECTIONS) {
      shownRejections.add(rejection);
    }
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

  public synchronized List<Rejection> shownRejections() {
    return Collections.unmodifiableList(new ArrayList<>(shownRejections));
  }

  /** 0 when every line was accepted or a duplicate, 1 when any line was rejected. */
  public int exitCode() {
    return rejected() == 0 ? 0 : 1;
  }

  public void print(PrintWriter out) {
    out.printf("accepted %d (corrections %d), duplicates %d, rejected %d%n",
        accepted(), corrections(), duplicates(), rejected());
    List<Rejection> shown = shownRejections();
    shown.forEach(r -> out.println("  rejected " + r));
    if (rejected() > shown.size()) {
      out.printf("  ... and %d more rejected lines (write them all with --rejects FILE)%n", rejected() - shown.size());
    }
    out.flush();
  }
}
