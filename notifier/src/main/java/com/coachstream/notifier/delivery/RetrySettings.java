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
   * The least time from the first attempt to the last when every attempt fails at once (connection
   * refused): the backoff delays with jitter at its lowest. An endpoint back within this window gets its
   * alerts; an outage longer than {@link #longestRetryWindow()} dead-letters them.
   */
  public Duration shortestRetryWindow() {
    return Duration.ofMillis(Math.round(backoffTotal().toMillis() * (1 - jitter)));
  }

  /** The most time from the first attempt to the last when every attempt fails at once. */
  public Duration longestRetryWindow() {
    return Duration.ofMillis(Math.round(backoffTotal().toMillis() * (1 + jitter)));
  }

  /** Sum of the delays before attempts 2..attempts: doubling from initialDelay, capped at maxDelay. */
  private Duration backoffTotal() {
    Duration total = Duration.ZERO;
    Duration delay = initialDelay;
    for (int retry = 1; retry < attempts; retry++) {
      if (delay.equals(maxDelay)) {
        return total.plus(maxDelay.multipliedBy(attempts - retry));
      }
      total = total.plus(delay);
      delay = delay.multipliedBy(2).compareTo(maxDelay) > 0 ? maxDelay : delay.multipliedBy(2);
    }
    return total;
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
