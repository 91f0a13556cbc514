package com.coachstream.producer.simulate;

import java.time.Duration;
import java.time.Instant;

/**
 * How fast simulated events reach Kafka in wall time; event time never depends on it. A pure function of
 * the progress so far, so it is tested without clocks: the simulation sleeps what {@link #waitNanos} says.
 */
public sealed interface Pacing {

  /**
   * Nanoseconds to wait before emitting the next event.
   *
   * @param emitted events emitted so far
   * @param eventTime the next event's time
   * @param start first event time of the history
   * @param end last event time of the history
   * @param elapsedNanos wall time since the simulation began
   */
  long waitNanos(long emitted, Instant eventTime, Instant start, Instant end, long elapsedNanos);

  /** History as fast as the broker accepts it. */
  static Pacing asFastAsPossible() {
    return new AsFastAsPossible();
  }

  /** A steady load of at most {@code perSecond} events per second. */
  static Pacing eventsPerSecond(double perSecond) {
    if (!(perSecond > 0)) {
      throw new IllegalArgumentException("rate must be > 0 events/s, was " + perSecond);
    }
    return new EventsPerSecond(perSecond);
  }

  /** The whole history played over {@code wall}: event time runs (end - start) / wall times faster. */
  static Pacing compressedTo(Duration wall) {
    if (wall.isNegative() || wall.isZero()) {
      throw new IllegalArgumentException("playback time must be > 0, was " + wall);
    }
    return new CompressedTo(wall);
  }

  record AsFastAsPossible() implements Pacing {
    @Override
    public long waitNanos(long emitted, Instant eventTime, Instant start, Instant end, long elapsedNanos) {
      return 0;
    }
  }

  record EventsPerSecond(double perSecond) implements Pacing {
    @Override
    public long waitNanos(long emitted, Instant eventTime, Instant start, Instant end, long elapsedNanos) {
      long due = (long) (emitted / perSecond * 1e9);
      return Math.max(0, due - elapsedNanos);
    }
  }

  record CompressedTo(Duration wall) implements Pacing {
    @Override
    public long waitNanos(long emitted, Instant eventTime, Instant start, Instant end, long elapsedNanos) {
      double span = Math.max(1, Duration.between(start, end).toMillis());
      double progress = Math.min(1, Math.max(0, Duration.between(start, eventTime).toMillis() / span));
      long due = (long) (progress * wall.toNanos());
      return Math.max(0, due - elapsedNanos);
    }
  }
}
