package com.coachstream.producer.imports;

import com.coachstream.producer.ingest.EventChecker.Checked;

/**
 * One event read from an import file: where it starts (1-based line number), what it is, and, when the reader
 * already made it on its parsing threads, the valid event's compact form for the sort ({@link EventCodec}).
 */
public record SourceRecord(long line, Checked checked, byte[] sortBytes) {

  /** A record whose sort form, if it is valid, is made when it is sorted. */
  public SourceRecord(long line, Checked checked) {
    this(line, checked, null);
  }

  /** A checked line with the valid event's sort form made now, on the caller's thread. */
  static SourceRecord encodedNow(long line, Checked checked) {
    return new SourceRecord(line, checked, checked.isValid() ? EventCodec.encode(checked.event()) : null);
  }

  /** The valid event in its sort form ({@link EventCodec#encode}). */
  byte[] encoded() {
    return sortBytes != null ? sortBytes : EventCodec.encode(checked.event());
  }
}
