package com.coachstream.streams.effect;

import com.coachstream.avro.EffectStatus;
import java.util.Collection;

/**
 * Effects rolled up (per coach, per team): sessions in all, how many are measured (FINAL), still pending or
 * without enough data, the mean effect of the measured ones and the share of them that improved (effect > 0).
 * Pending effects do not count in the mean: they may still change.
 */
public record EffectRollup(int sessions, int measured, int pending, int insufficientData, Double meanEffect,
    Double shareImproved) {

  /** One session's status and effect (null unless FINAL). */
  public record Outcome(EffectStatus status, Double effect) { }

  public static EffectRollup of(Collection<Outcome> effects) {
    int measured = 0;
    int pending = 0;
    int insufficient = 0;
    int improved = 0;
    double sum = 0;
    for (Outcome effect : effects) {
      if (effect.status() == EffectStatus.FINAL) {
        measured++;
        sum += effect.effect();
        if (effect.effect() > 0) {
          improved++;
        }
      } else if (effect.status() == EffectStatus.PENDING) {
        pending++;
      } else {
        insufficient++;
      }
    }
    return new EffectRollup(effects.size(), measured, pending, insufficient,
        measured == 0 ? null : sum / measured, measured == 0 ? null : (double) improved / measured);
  }
}
