package com.coachstream.streams.effect;

/** The coached agent's category score over one period (null without observations) and its samples. */
public record MeasuredPeriod(Double score, int samples) {

  static MeasuredPeriod of(CategorySums sums) {
    return new MeasuredPeriod(sums.score(), sums.samples());
  }
}
