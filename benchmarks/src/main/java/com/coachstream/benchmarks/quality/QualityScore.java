package com.coachstream.benchmarks.quality;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Alerts against the truth. A SLIP alert is true when its agent is in a slip episode, or within
 * {@code creditDays} after it ends (the rolling window still holds the slip's scores); every other SLIP is
 * false. An episode is detected by its first true alert; its delay is the days from the slip's start.
 * "Qualifying" episodes are those the goals speak of: at least 8 points for at least 7 days.
 */
public final class QualityScore {

  /** A SLIP alert: agent and event time (epoch millis). */
  public record Alert(String agentId, long time) { }

  /** The figures of one mode and family. */
  public record Figures(int episodes, int qualifying, double recall, double qualifyingRecall, double precision,
      double medianDelayDays, double p90DelayDays, double falseAlertsPer1000AgentDays, int alerts, int falseAlerts) { }

  private QualityScore() { }

  public static Figures score(Collection<Episode> episodes, List<Alert> alerts, long start, int agents, int days,
      int creditDays) {
    Map<String, Episode> byAgent = new HashMap<>();
    episodes.forEach(e -> byAgent.put(e.agentId(), e));
    Map<Episode, Double> firstDelay = new HashMap<>();
    int falseAlerts = 0;
    for (Alert alert : alerts) {
      double day = (alert.time() - start) / (double) ContactCenter.DAY;
      Episode episode = byAgent.get(alert.agentId());
      if (episode != null && day >= episode.start() && day < episode.end() + creditDays) {
        firstDelay.merge(episode, day - episode.start(), Math::min);
      } else {
        falseAlerts++;
      }
    }
    int qualifying = 0;
    int qualifyingDetected = 0;
    for (Episode e : episodes) {
      if (e.drop() >= 8 && e.days() >= 7) {
        qualifying++;
        if (firstDelay.containsKey(e)) {
          qualifyingDetected++;
        }
      }
    }
    List<Double> delays = new ArrayList<>(firstDelay.values());
    Collections.sort(delays);
    return new Figures(episodes.size(), qualifying, ratio(firstDelay.size(), episodes.size()),
        ratio(qualifyingDetected, qualifying), ratio(alerts.size() - falseAlerts, alerts.size()),
        percentile(delays, 0.5), percentile(delays, 0.9), 1000.0 * falseAlerts / ((double) agents * days),
        alerts.size(), falseAlerts);
  }

  private static double ratio(int part, int whole) {
    return whole == 0 ? Double.NaN : part / (double) whole;
  }

  /** Nearest-rank percentile of sorted values; NaN when there are none. */
  static double percentile(List<Double> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
