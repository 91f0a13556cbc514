package com.coachstream.streams.stats;

/** What is known of a true score: a normal belief with this mean and standard deviation. */
public record ScoreEstimate(double mean, double sd) {

  /** P(true score &lt; x). */
  public double probabilityBelow(double x) {
    return Normal.below(x, mean, sd);
  }

  /** The central interval holding the true score with probability {@code level}. */
  public double[] interval(double level) {
    double z = Normal.quantile(0.5 + level / 2);
    return new double[] {mean - z * sd, mean + z * sd};
  }
}
