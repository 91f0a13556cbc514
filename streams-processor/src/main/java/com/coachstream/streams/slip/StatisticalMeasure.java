package com.coachstream.streams.slip;

import com.coachstream.streams.stats.Moments;

/** A category's samples in the current window and in its baseline (one sample per source event). */
public record StatisticalMeasure(Moments window, Moments baseline) { }
