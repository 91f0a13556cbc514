package com.coachstream.systemtests.support;

import com.coachstream.avro.AgentSkillWindow;
import com.coachstream.avro.AgentWindowKey;
import com.coachstream.avro.CoachingAlert;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one streams application committed once settled: latest windows, alerts (by id and in commit order), dead
 * letters (all of them, and those of stage late).
 */
public record RunOutcome(Map<AgentWindowKey, AgentSkillWindow> windows, Map<String, CoachingAlert> alerts,
    List<String> alertIds, int deadLetters, long lateDeadLetters) {

  public static RunOutcome of(PipelineOutputs outputs) {
    Map<String, CoachingAlert> byId = outputs.alerts().stream()
        .collect(Collectors.toMap(CoachingAlert::getAlertId, a -> a, (first, again) -> first));
    return new RunOutcome(outputs.windows(), byId, outputs.alertIds(), outputs.deadLetters().size(),
        outputs.deadLettersByStageAndReason().getOrDefault("late/LATE", 0L));
  }

  /** How this run's windows differ from {@code expected}'s (empty when every key has the same latest value). */
  public MapDiff<AgentWindowKey> windowsAgainst(RunOutcome expected) {
    return MapDiff.of(expected.windows, windows, RunOutcome::describe);
  }

  /** How this run's alerts differ from {@code expected}'s, compared by id and content. */
  public MapDiff<String> alertsAgainst(RunOutcome expected) {
    return MapDiff.of(expected.alerts, alerts, Function.identity());
  }

  public static String describe(AgentWindowKey key) {
    return key.getAgentId() + "@" + key.getWindowStart();
  }
}
