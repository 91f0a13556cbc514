package com.coachstream.producer.simulate;

import java.time.Instant;

/** Hears how far a simulation is; called about once per simulated day and once at the end. */
@FunctionalInterface
public interface ProgressListener {

  /**
   * @param emitted events handed to the sink so far
   * @param eventTime event time reached
   * @param fraction share of the history's event time covered, 0..1
   */
  void progress(long emitted, Instant eventTime, double fraction);

  ProgressListener NONE = (emitted, eventTime, fraction) -> { };
}
