package com.coachstream.streams.stats;

/**
 * Turns a window's samples into a belief about the agent's true score.
 * <ul>
 *   <li>Spread: the window's own weighted variance, pooled with a prior per-sample standard deviation
 *       ({@code sampleSd}, worth {@code priorSamples} samples), so one sample or identical samples do not
 *       claim certainty; the score's standard error is that spread over the effective sample size.</li>
 *   <li>Shrinkage: with a baseline, the window's true score is believed to lie near it (within
 *       {@code driftSd}, widened by the baseline's own uncertainty); a thin window moves the belief less
 *       than a busy one.</li>
 * </ul>
 */
public record ScoreModel(double sampleSd, double priorSamples, double driftSd) {

  public static final ScoreModel DEFAULTS = new ScoreModel(12, 3, 10);

  public ScoreModel {
    if (!(sampleSd > 0) || !(priorSamples > 0) || !(driftSd > 0)) {
      throw new IllegalArgumentException("sample sd, prior samples and drift sd must be positive");
    }
  }

  /** The period's mean and its standard error; null without samples. */
  public ScoreEstimate direct(Moments samples) {
    if (samples.isEmpty()) {
      return null;
    }
    double n = samples.effectiveSize();
    double own = samples.count() < 2 ? 0 : samples.variance();
    double ownDegrees = samples.count() < 2 ? 0 : Math.max(0, n - 1);
    double pooled = (priorSamples * sampleSd * sampleSd + ownDegrees * own) / (priorSamples + ownDegrees);
    return new ScoreEstimate(samples.mean(), Math.sqrt(pooled / n));
  }

  /** The window's true score, shrunk toward the baseline when there is one; null without window samples. */
  public ScoreEstimate window(Moments window, Moments baseline) {
    ScoreEstimate direct = direct(window);
    ScoreEstimate base = baseline == null ? null : direct(baseline);
    if (direct == null || base == null) {
      return direct;
    }
    double priorVariance = driftSd * driftSd + base.sd() * base.sd();
    double dataVariance = direct.sd() * direct.sd();
    if (dataVariance == 0) {
      return direct;
    }
    double precision = 1 / priorVariance + 1 / dataVariance;
    double mean = (base.mean() / priorVariance + direct.mean() / dataVariance) / precision;
    return new ScoreEstimate(mean, Math.sqrt(1 / precision));
  }

  /** P(true window score ≤ true baseline − drop), the two beliefs taken as independent. */
  public static double probabilityDroppedBy(ScoreEstimate window, ScoreEstimate baseline, double drop) {
    double sd = Math.sqrt(window.sd() * window.sd() + baseline.sd() * baseline.sd());
    return Normal.below(-drop, window.mean() - baseline.mean(), sd);
  }
}
