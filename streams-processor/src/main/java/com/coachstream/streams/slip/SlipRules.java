package com.coachstream.streams.slip;

import java.time.Duration;

/** Thresholds of docs/concepts.md for one category. */
public record SlipRules(double floor, double maxDrop, int minSamples, int minBaselineSamples, double hysteresis,
    Duration cooldown) {

  public static final SlipRules DEFAULTS = new SlipRules(70, 10, 5, 10, 3, Duration.ofHours(24));

  public SlipRules {
    if (minSamples < 1 || minBaselineSamples < 1) {
      throw new IllegalArgumentException("min-samples and min-baseline-samples must be at least 1");
    }
    if (maxDrop < 0 || hysteresis < 0 || cooldown.isNegative()) {
      throw new IllegalArgumentException("max-drop, hysteresis and cooldown must not be negative");
    }
  }
}
