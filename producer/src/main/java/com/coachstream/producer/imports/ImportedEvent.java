package com.coachstream.producer.imports;

import java.util.Comparator;

/**
 * A valid event of an import, ready to be put in order: its event time, where it came from (the file's
 * position among the import's files, its 1-based line) and the event itself as opaque bytes.
 *
 * <p>{@link #ORDER} is event time, then file position, then line: a total order, so sorting and merging
 * are stable by construction. Events of equal time keep their file's order, and the earlier file on the
 * command line goes first.
 */
public record ImportedEvent(long eventTime, int file, long line, byte[] payload) {

  public static final Comparator<ImportedEvent> ORDER = Comparator.comparingLong(ImportedEvent::eventTime)
      .thenComparingInt(ImportedEvent::file)
      .thenComparingLong(ImportedEvent::line);

  /** Object headers, fields and the list slot on a 64-bit JVM, rounded up: what an event costs beyond its bytes. */
  private static final int OVERHEAD_BYTES = 96;

  /** About how much heap the event takes while it waits in memory to be sorted. */
  public long estimatedBytes() {
    return payload.length + OVERHEAD_BYTES;
  }
}
