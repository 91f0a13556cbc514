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
}
