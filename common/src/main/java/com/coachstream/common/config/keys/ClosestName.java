package com.coachstream.common.config.keys;

import java.util.Collection;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** The known name a misspelt one was most likely meant to be, if any is close enough to be a typo. */
final class ClosestName {

  private ClosestName() { }

  /**
   * The candidate fewest edits away from {@code given} (the first of equals), when those edits are at most
   * a third of its length and at most 4: {@code slip.flor} → {@code slip.floor}, but {@code alert.mode}
   * suggests nothing rather than an unrelated setting.
   */
  static Optional<String> among(String given, Collection<String> candidates) {
    int limit = Math.min(4, Math.max(1, given.length() / 3));
    LevenshteinDistance distance = new LevenshteinDistance(limit);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance.apply(given, candidate);
      if (d >= 0 && d < bestDistance && !candidate.equals(given)) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }
}
