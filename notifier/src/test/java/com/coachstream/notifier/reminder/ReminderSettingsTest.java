package com.coachstream.notifier.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachstream.common.config.ConfigException;
import com.coachstream.common.config.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReminderSettingsTest {

  private static ReminderSettings of(String value) {
    return ReminderSettings.from(Settings.of(Map.of("reminders.after", value)));
  }

  @Test
  void fortyEightHoursByDefault() {
    ReminderSettings settings = ReminderSettings.from(Settings.of(Map.of()));
    assertThat(settings.after()).isEqualTo(Duration.ofHours(48));
    assertThat(settings.isOff()).isFalse();
    assertThat(settings.window()).isEqualTo(Duration.ofHours(96));
  }

  @Test
  void zeroTurnsRemindersOff() {
    assertThat(of("0").isOff()).isTrue();
    assertThat(of("0s").isOff()).isTrue();
    assertThat(of("2s").isOff()).isFalse();
  }

  @Test
  void aShortDelayStillKeepsAnHourOfSlack() {
    assertThat(of("2s").slack()).isEqualTo(Duration.ofHours(1));
    assertThat(of("3d").slack()).isEqualTo(Duration.ofDays(3));
  }

  @Test
  void aWrongValueIsRefusedWithTheKeyNamed() {
    assertThatThrownBy(() -> of("soon")).isInstanceOf(ConfigException.class).hasMessageContaining("reminders.after");
    assertThatThrownBy(() -> of("-PT1H")).isInstanceOf(ConfigException.class).hasMessageContaining("reminders.after");
  }
}
