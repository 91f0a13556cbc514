package com.coachstream.streams.scoring;

import com.coachstream.avro.SkillCategory;

/** One skill over a period (a window or a baseline): weighted mean, total weight, count, min, max. */
public record SkillStats(SkillCategory category, double score, double weight, int count, double min, double max) { }
