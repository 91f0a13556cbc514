package com.coachstream.streams.actions;

import com.coachstream.avro.AlertType;
import com.coachstream.avro.CoachingAlert;

/**
 * The rule a SLIP alert is counted against for precision: {@code <mode>:<what fired>}, e.g.
 * {@code threshold:BELOW_FLOOR}, {@code threshold:DROP_FROM_BASELINE}, {@code threshold:BOTH}, or
 * {@code statistical:...} for an alert of statistical mode (one that carries a probability). A string, so
 * other alert modes and rule-set versions can add their own keys without a new store format.
 */
public final class RuleKey {

  public static final String THRESHOLD = "threshold";
  public static final String STATISTICAL = "statistical";

  private RuleKey() { }

  /** The rule that raised {@code alert}, or null for an alert no rule is judged by (a RECOVERY). */
  public static String of(CoachingAlert alert) {
    if (alert.getType() != AlertType.SLIP || alert.getReason() == null) {
      return null;
    }
    return (alert.getProbability() == null ? THRESHOLD : STATISTICAL) + ":" + alert.getReason().name();
  }
}
