package com.coachstream.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachstream.common.config.ConfigException;
import com.coachstream.common.config.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetrySettingsTest {

  @Test
  void defaultsWhenNothingIsSet() {
    assertThat(RetrySettings.from(Settings.of(Map.of()))).isEqualTo(RetrySettings.DEFAULTS);
  }

  @Test
  void readsEveryKey() {
    RetrySettings r = RetrySettings.from(Settings.of(Map.of("retry.attempts", "3", "retry.backoff.initial", "10ms",
        "retry.backoff.max", "1s", "retry.jitter", "0.5", "retry.after.max", "5s")));
    assertThat(r).isEqualTo(new RetrySettings(3, Duration.ofMillis(10), Duration.ofSeconds(1), 0.5, Duration.ofSeconds(5)));
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> RetrySettings.from(Settings.of(Map.of("retry.attempts", "0")))).isInstanceOf(ConfigException.class);
    assertThatThrownBy(() -> RetrySettings.from(Settings.of(Map.of("retry.jitter", "1")))).isInstanceOf(ConfigException.class);
    assertThatThrownBy(() -> RetrySettings.from(Settings.of(Map.of("retry.backoff.initial", "2m"))))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void retryAfterDelaySurvivesTheWorstJitter() {
    RetrySettings r = new RetrySettings(3, Duration.ofMillis(10), Duration.ofSeconds(1), 0.25, Duration.ofSeconds(5));
    Duration asked = r.retryAfterDelay(Duration.ofSeconds(2));
    assertThat((long) (asked.toNanos() * (1 - 0.25))).isGreaterThanOrEqualTo(Duration.ofSeconds(2).toNanos());
  }

  @Test
  void retryWindowAddsTheDoublingDelaysUpToTheCapWithinTheJitter() {
    // delays 0.5, 1, 2, 4, then 5 seven times: 42.5 s, +-10 %
    RetrySettings r = new RetrySettings(12, Duration.ofMillis(500), Duration.ofSeconds(5), 0.1, Duration.ofSeconds(60));
    assertThat(r.shortestRetryWindow()).isEqualTo(Duration.ofMillis(38_250));
    assertThat(r.longestRetryWindow()).isEqualTo(Duration.ofMillis(46_750));
  }

  @Test
  void oneAttemptHasNoRetryWindow() {
    RetrySettings r = new RetrySettings(1, Duration.ofMillis(500), Duration.ofSeconds(5), 0.1, Duration.ofSeconds(60));
    assertThat(r.shortestRetryWindow()).isZero();
    assertThat(r.longestRetryWindow()).isZero();
  }

  @Test
  void retryWindowOfTheDefaults() {
    // 0.5 + 1 + 2 + 4 = 7.5 s over 5 attempts, +-25 %
    assertThat(RetrySettings.DEFAULTS.shortestRetryWindow()).isEqualTo(Duration.ofMillis(5_625));
    assertThat(RetrySettings.DEFAULTS.longestRetryWindow()).isEqualTo(Duration.ofMillis(9_375));
  }

  @Test
  void aHugeBudgetIsComputedWithoutLooping() {
    RetrySettings r = new RetrySettings(Integer.MAX_VALUE, Duration.ofMillis(1), Duration.ofSeconds(1), 0, Duration.ofSeconds(60));
    assertThat(r.shortestRetryWindow()).isGreaterThan(Duration.ofDays(24_000));
  }
}
