package com.coachstream.streams.scoring;

import java.util.Comparator;

/** A source event's lowest-scored observation in one category: a candidate for an alert's evidence. */
public record Evidence(String sourceId, String skill, double score, long time) {

  /** Lowest score first; ties by time, then id, so the choice never depends on arrival order. */
  public static final Comparator<Evidence> WORST_FIRST = Comparator.comparingDouble(Evidence::score)
      .thenComparingLong(Evidence::time).thenComparing(Evidence::sourceId);

  /** How many lowest-scored source events an alert shows (docs/concepts.md). */
  public static final int MAX_EVIDENCE = 3;
}
