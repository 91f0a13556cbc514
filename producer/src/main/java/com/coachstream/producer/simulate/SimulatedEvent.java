package com.coachstream.producer.simulate;

import org.apache.avro.specific.SpecificRecord;
import java.time.Instant;

/** A generated event and its event time (roster records carry the start of the history). */
public record SimulatedEvent(SpecificRecord event, Instant time) { }
