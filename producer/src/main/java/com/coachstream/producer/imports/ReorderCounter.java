package com.coachstream.producer.imports;

/**
 * Counts the lines of one file that the import sends earlier than their place in the file: those whose event
 * time is before the newest one above them. A file in event-time order counts zero; a file in reverse order
 * counts every line but the first.
 */
final class ReorderCounter {

  private long newest = Long.MIN_VALUE;
  private long reordered;

  /** Takes the next line's event time; true when that line moves ahead of a line above it. */
  boolean observe(long eventTime) {
    if (eventTime < newest) {
      reordered++;
      return true;
    }
    newest = eventTime;
    return false;
  }

  long reordered() {
    return reordered;
  }
}
