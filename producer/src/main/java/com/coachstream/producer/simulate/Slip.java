package com.coachstream.producer.simulate;

import com.coachstream.avro.SkillCategory;
import java.time.Instant;

/**
 * One planned slip: from {@code at} the agent's level in {@code category} falls from {@code levelBefore}
 * to {@code levelDuring}; at {@code recoverAt} (null: never, within the history) it returns.
 */
public record Slip(SkillCategory category, Instant at, Instant recoverAt, double levelBefore, double levelDuring) {

  /** Whether the slip is in effect at {@code time}. */
  public boolean activeAt(Instant time) {
    return !time.isBefore(at) && (recoverAt == null || time.isBefore(recoverAt));
  }
}
