package com.coachstream.streams.effect;

import com.coachstream.avro.EffectStatus;

/**
 * The measured effect of one session at one moment: the coached agent's two periods and change, the
 * comparison group's mean change and size, {@code effect = change - comparisonChange}, and the status.
 * Numbers that cannot be computed (yet) are null; INSUFFICIENT_DATA never carries an effect.
 */
public record EffectMeasurement(MeasuredPeriod before, MeasuredPeriod after, Double change, Double comparisonChange,
    int comparisonAgents, Double effect, EffectStatus status) {

  /** Whether the measurement is closed: FINAL and INSUFFICIENT_DATA are never changed again. */
  public boolean closed() {
    return status != EffectStatus.PENDING;
  }
}
