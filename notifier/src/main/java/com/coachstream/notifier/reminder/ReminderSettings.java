package com.coachstream.notifier.reminder;

import com.coachstream.common.config.ConfigException;
import com.coachstream.common.config.Settings;
import java.time.Duration;

/**
 * {@code reminders.after}: how long after its delivery a SLIP alert no one acted on gets its one reminder;
 * zero turns reminders off. The clock is the wall clock, not event time: a reminder nudges a person who has
 * not answered, and people answer in wall-clock time.
 *
 * <p>{@link #slack()} bounds memory and surprises: a reminder more than {@code slack} overdue (the notifier
 * was down that long, or reminders were just turned on) is dropped, not sent days late; so the notifier
 * keeps an alert at most {@link #window()} after its delivery.
 */
public record ReminderSettings(Duration after) {

  public static final String AFTER = "reminders.after";
  public static final Duration DEFAULT_AFTER = Duration.ofHours(48);
  public static final ReminderSettings OFF = new ReminderSettings(Duration.ZERO);
  private static final Duration MIN_SLACK = Duration.ofHours(1);

  public ReminderSettings {
    if (after.isNegative()) {
      throw new ConfigException(AFTER + " must be a duration of 0 (off) or more, was " + after);
    }
  }

  public static ReminderSettings from(Settings settings) {
    String value = settings.string(AFTER, null);
    if (value == null) {
      return new ReminderSettings(DEFAULT_AFTER);
    }
    // a plain 0 is the documented way to turn reminders off, though it carries no unit
    return new ReminderSettings(value.trim().equals("0") ? Duration.ZERO : Settings.parseDuration(AFTER, value));
  }

  public boolean isOff() {
    return after.isZero();
  }

  /** How overdue a reminder may be and still be sent: {@code after}, at least an hour. */
  public Duration slack() {
    return after.compareTo(MIN_SLACK) > 0 ? after : MIN_SLACK;
  }

  /** How long after its delivery an alert is kept waiting for its reminder, at most. */
  public Duration window() {
    return after.plus(slack());
  }
}
