package com.coachstream.streams.slip;

/**
 * A category's figures in the current window and its baseline. {@code score} is NaN without samples;
 * {@code baseline} is null when the baseline period had no observation of the category.
 */
public record CategoryMeasure(double score, int samples, Double baseline, int baselineSamples) { }
