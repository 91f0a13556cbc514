package com.coachstream.streams.actions;

/**
 * How often one rule was right: SLIP alerts it raised and how many of them supervisors dismissed as
 * FALSE_ALARM. Precision = 1 − falseAlarms / raised (null before the first alert).
 */
public record RulePrecision(long raised, long falseAlarms) {

  public static final RulePrecision NONE = new RulePrecision(0, 0);

  public RulePrecision plusRaised() {
    return new RulePrecision(raised + 1, falseAlarms);
  }

  public RulePrecision plusFalseAlarm() {
    return new RulePrecision(raised, falseAlarms + 1);
  }

  public RulePrecision plus(RulePrecision other) {
    return new RulePrecision(raised + other.raised, falseAlarms + other.falseAlarms);
  }

  /**
   * The share of raised alerts not dismissed as false alarms, or null with no alert raised. A false alarm
   * can be counted for an alert raised before this instance kept counts (the dismissal of a restored alert):
   * the share never drops below 0.
   */
  public Double precision() {
    if (raised == 0) {
      return null;
    }
    return Math.max(0.0, 1.0 - (double) falseAlarms / raised);
  }
}
