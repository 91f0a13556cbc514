package com.coachstream.streams.scoring;

import com.coachstream.avro.SkillCategory;

/** One scored skill of one source event (docs/concepts.md): score 0..100 with a weight, at the event's time. */
public record Observation(String skill, SkillCategory category, double score, double weight, long eventTime,
    String sourceId) { }
