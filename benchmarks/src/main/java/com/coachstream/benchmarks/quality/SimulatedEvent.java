package com.coachstream.benchmarks.quality;

import java.util.Map;

/**
 * One simulated source event: a QA evaluation (criteria scored 0..100 by an evaluator) or an interaction
 * with automated skill signals, at {@code time} (epoch millis).
 */
public record SimulatedEvent(String id, String agentId, long time, boolean evaluation, String evaluatorId,
    Map<String, Double> scores) { }
