package com.coachstream.streams.topology;

/**
 * Whether a cache's decoded values are worth keeping: the share of its reads that found their key among the keys
 * it remembers, judged once per {@code period} reads. Worth keeping from the start, and after each period in
 * which at least half of the reads found their key.
 */
final class ReuseMeter {

  private final int period;
  private int reads;
  private int found;
  private boolean worthKeeping = true;

  ReuseMeter(int period) {
    if (period < 1) {
      throw new IllegalArgumentException("period must be at least 1 read, was " + period);
    }
    this.period = period;
  }

  /** Counts one read; {@code keyKnown} when the cache remembered its key. */
  void read(boolean keyKnown) {
    reads++;
    if (keyKnown) {
      found++;
    }
    if (reads == period) {
      worthKeeping = 2L * found >= period;
      reads = 0;
      found = 0;
    }
  }

  boolean worthKeeping() {
    return worthKeeping;
  }
}
