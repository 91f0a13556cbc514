package com.coachstream.benchmarks.quality;

import java.util.Map;

/**
 * One simulated source event: a QA evaluation (criteria scored 0..100 by an evaluator, of interaction
 * {@code interactionId}; a calibration one never counts toward the agent's scores) or an interaction with
 * automated skill signals, at {@code time} (epoch millis).
 */
public record SimulatedEvent(String id, String agentId, long time, boolean evaluation, String evaluatorId,
    Map<String, Double> scores, String interactionId, boolean calibration) {

  /** An interaction with automated signals. */
  static SimulatedEvent interaction(String id, String agentId, long time, Map<String, Double> signals) {
    return new SimulatedEvent(id, agentId, time, false, null, signals, id, false);
  }
}
