package com.coachstream.launcher.demo;

import com.coachstream.avro.AlertType;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.producer.simulate.SimulatedAgent;
import com.coachstream.producer.simulate.Slip;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * How well the alerts match a simulation's ground truth. A designed slip is <em>found</em> when a SLIP alert
 * for that agent and category was triggered by an event at or after the slip began; a SLIP alert is
 * <em>right</em> when it matches a designed slip. Precision = right / SLIP alerts; recall = found / designed.
 */
public record DetectionScore(int designedSlips, int foundSlips, int slipAlerts, int rightSlipAlerts,
    int designedRecoveries, int foundRecoveries, List<String> missed, List<String> falseAlarms) {

  public static DetectionScore of(Collection<SimulatedAgent> agents, Collection<CoachingAlert> alerts) {
    int designed = 0;
    int found = 0;
    int designedRecoveries = 0;
    int foundRecoveries = 0;
    List<String> missed = new ArrayList<>();
    for (SimulatedAgent agent : agents) {
      for (Slip slip : agent.slips()) {
        designed++;
        if (alerts.stream().anyMatch(a -> matches(a, agent, slip, AlertType.SLIP))) {
          found++;
        } else {
          missed.add(agent.agentId() + " " + slip.category() + " from " + slip.at());
        }
        if (slip.recoverAt() != null) {
          designedRecoveries++;
          if (alerts.stream().anyMatch(a -> a.getType() == AlertType.RECOVERY && a.getAgentId().equals(agent.agentId())
              && a.getCategory() == slip.category() && !a.getEventTime().isBefore(slip.recoverAt()))) {
            foundRecoveries++;
          }
        }
      }
    }
    int slipAlerts = 0;
    int right = 0;
    List<String> falseAlarms = new ArrayList<>();
    for (CoachingAlert alert : alerts) {
      if (alert.getType() != AlertType.SLIP) {
        continue;
      }
      slipAlerts++;
      boolean matched = agents.stream().anyMatch(agent -> agent.slips().stream()
          .anyMatch(slip -> matches(alert, agent, slip, AlertType.SLIP)));
      if (matched) {
        right++;
      } else {
        falseAlarms.add(alert.getAgentId() + " " + alert.getCategory() + " at " + alert.getEventTime());
      }
    }
    return new DetectionScore(designed, found, slipAlerts, right, designedRecoveries, foundRecoveries, missed, falseAlarms);
  }

  private static boolean matches(CoachingAlert alert, SimulatedAgent agent, Slip slip, AlertType type) {
    return alert.getType() == type && alert.getAgentId().equals(agent.agentId()) && alert.getCategory() == slip.category()
        && !alert.getEventTime().isBefore(slip.at());
  }

  public double precision() {
    return slipAlerts == 0 ? 1.0 : (double) rightSlipAlerts / slipAlerts;
  }

  public double recall() {
    return designedSlips == 0 ? 1.0 : (double) foundSlips / designedSlips;
  }

  public String summary() {
    return String.format(Locale.ROOT,
        "designed slips %d, alerted %d (recall %.0f%%); SLIP alerts %d, matching a designed slip %d (precision %.0f%%); "
            + "designed recoveries %d, recovery alerts %d",
        designedSlips, foundSlips, 100 * recall(), slipAlerts, rightSlipAlerts, 100 * precision(),
        designedRecoveries, foundRecoveries);
  }
}
