package com.coachstream.notifier.delivery;

import com.coachstream.common.config.ConfigException;
import com.coachstream.common.config.Settings;
import java.time.Duration;

/**
 * The retry budget of a route: at most {@code attempts} attempts, exponential backoff from
 * {@code initialDelay} doubling up to {@code maxDelay}, each delay varied by ±{@code jitter} (a fraction),
 * and a receiver's Retry-After honoured up to {@code maxRetryAfter} (a longer wait fails the delivery).
 */
public record RetrySettings(int attempts, Duration initialDelay, Duration maxDelay, double jitter, Duration maxRetryAfter) {

  public static final RetrySettings DEFAULTS =
      new RetrySettings(5, Duration.ofMillis(500), Duration.ofSeconds(30), 0.25, Duration.ofSeconds(60));

  public RetrySettings {
    if (attempts < 1) {
      throw new ConfigException("retry.attempts must be at least 1, was " + attempts);
    }
    if (jitter < 0 || jitter >= 1) {
      throw new ConfigException("retry.jitter must be in [0, 1), was " + jitter);
    }
    if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
      throw new ConfigException("retry.backoff.initial must be > 0 and <= retry.backoff.max");
    }
  }

  public static RetrySettings from(Settings settings) {
    return new RetrySettings(
        settings.intValue("retry.attempts", DEFAULTS.attempts),
        settings.duration("retry.backoff.initial", DEFAULTS.initialDelay),
        settings.duration("retry.backoff.max", DEFAULTS.maxDelay),
        settings.doubleValue("retry.jitter", DEFAULTS.jitter),
        settings.duration("retry.after.max", DEFAULTS.maxRetryAfter));
  }

  /**
   * The delay to ask Failsafe for when the receiver sent Retry-After. Failsafe applies jitter to a computed
   * delay too, and jitter may shorten it by up to {@code jitter}; dividing by (1 - jitter) keeps the
   * actual wait at or above what the receiver asked for.
   */
  public Duration retryAfterDelay(Duration retryAfter) {
    return Duration.ofNanos((long) Math.ceil(retryAfter.toNanos() / (1 - jitter)));
  }
}
