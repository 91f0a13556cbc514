package com.coachstream.streams.slip;

import com.coachstream.avro.AlertType;
import com.coachstream.avro.SkillCategory;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The snoozes a supervisor set on an agent (docs/concepts.md, the coaching loop): per category, no SLIP alert
 * before {@code until} (event time). A SLIP held back by a snooze is treated like one held back by the
 * cooldown: the category stays OK, so the first event at or after {@code until} that still finds the agent
 * slipping emits it. "Now" is the same instant the cooldown uses: the agent's newest event time over both
 * sources when the alert would be emitted. RECOVERY alerts are never held back.
 */
public final class Snoozes {

  public static final Snoozes NONE = new Snoozes(Map.of());

  private final Map<SkillCategory, Long> until;

  public Snoozes(Map<SkillCategory, Long> until) {
    this.until = until.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(until));
  }

  /** True while a SLIP of {@code category} must wait: {@code now} before the snooze's end. */
  public boolean holds(SkillCategory category, long now) {
    Long end = until.get(category);
    return end != null && now < end;
  }

  /**
   * The decision to act on: {@code decision} itself, unless it is a SLIP the snooze holds back; then no alert
   * and the state before it ({@code before}: not slipping, last SLIP time unchanged).
   */
  public SlipDecision apply(SkillCategory category, CategoryState before, SlipDecision decision, long now) {
    if (decision.alert() == AlertType.SLIP && holds(category, now)) {
      return SlipDecision.quiet(before);
    }
    return decision;
  }
}
