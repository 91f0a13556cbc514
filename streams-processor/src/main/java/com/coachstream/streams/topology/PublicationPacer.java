package com.coachstream.streams.topology;

import java.time.Duration;

/**
 * Spreads the publication of changed windows over {@code scores.publish.interval}: instead of one
 * punctuation publishing every waiting agent at once (thousands of window records in one go, during
 * which no event is scored and no alert goes out), a tick every tenth of the interval publishes its share,
 * and the interval's last tick whatever is still waiting. So every agent waiting at an interval's end is
 * published by then, as before, and a tick does a tenth of the work.
 */
final class PublicationPacer {

  static final int TICKS_PER_INTERVAL = 10;

  private int tick;

  /** The punctuation interval for a publish interval: a tenth of it, at least 1 ms. */
  static Duration tickInterval(Duration publishInterval) {
    Duration tick = publishInterval.dividedBy(TICKS_PER_INTERVAL);
    return tick.toMillis() < 1 ? Duration.ofMillis(1) : tick;
  }

  /** How many of {@code waiting} agents this tick publishes: an even share of the ticks left, all at the last. */
  int take(int waiting) {
    int ticksLeft = TICKS_PER_INTERVAL - tick;
    tick = (tick + 1) % TICKS_PER_INTERVAL;
    return (waiting + ticksLeft - 1) / ticksLeft;
  }
}
