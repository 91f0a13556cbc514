package com.coachstream.producer.simulate;

import java.time.Duration;

/** What a simulation run did: events emitted, whether the whole history was played, and the ground truth. */
public record SimulationResult(long events, boolean complete, Duration wallTime, GroundTruth groundTruth) { }
