package com.coachstream.benchmarks.quality;

/** The truth of one slip: an agent's true level is {@code drop} points lower from day {@code start} for {@code days}. */
public record Episode(String agentId, String family, int start, int days, double drop) {

  public int end() {
    return start + days;
  }
}
