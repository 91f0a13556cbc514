package com.coachstream.streams.slip;

/**
 * A statistical-mode decision: the state machine's outcome, and how sure it is — for a SLIP the probability
 * that the true score is slipping, for a RECOVERY that it is back — with the interval of the true score at
 * the configured confidence. NaN figures when the window had no samples. {@code condition}: whether the
 * slip condition holds now (its probability reached the confidence), whatever the state.
 */
public record StatisticalDecision(SlipDecision decision, double probability, double low, double high,
    boolean condition) { }
