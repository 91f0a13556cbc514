package com.coachstream.streams.scoring;

import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.SkillCategory;
import com.coachstream.streams.alerts.AlertFactory;
import com.coachstream.streams.slip.CategoryMeasure;
import com.coachstream.streams.slip.SlipDecision;
import com.coachstream.streams.slip.SlipDetector;
import com.coachstream.streams.slip.SlipPolicy;
import com.coachstream.streams.slip.SlipRules;
import com.coachstream.streams.window.WindowSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies one valid event to an agent's state (SPEC §4–§7): duplicate check, then lateness, then the
 * observations (withdrawing a corrected or retracted evaluation's earlier ones), then slip detection on the
 * event's current window for every category the event touched. Cost per event: the slices of one window
 * and its baseline, in memory; nothing proportional to the number of windows an observation belongs to.
 */
public final class AgentScorer {

  private final WindowSpec windows;
  private final SlipPolicy policy;
  private final AlertFactory alerts;

  public AgentScorer(WindowSpec windows, SlipPolicy policy, AlertFactory alerts) {
    this.windows = windows;
    this.policy = policy;
    this.alerts = alerts;
  }

  public WindowSpec windows() {
    return windows;
  }

  /**
   * Scores one event into {@code state} (mutated unless the result is DUPLICATE or LATE).
   *
   * @param teamId the agent's team for alerts (roster first, else the event's)
   */
  public ScoringResult score(AgentState state, ScorableEvent event, String teamId) {
    if (event instanceof ScorableEvent.Interaction interaction) {
      return scoreInteraction(state, interaction, teamId);
    }
    return scoreEvaluation(state, (ScorableEvent.Evaluation) event, teamId);
  }

  private ScoringResult scoreInteraction(AgentState state, ScorableEvent.Interaction event, String teamId) {
    if (state.hasInteraction(event.sourceId())) {
      return ScoringResult.duplicate();
    }
    if (windows.isLate(event.eventTime(), state.newestEventTime())) {
      return ScoringResult.late(lateMessage(event, state));
    }
    long slice = windows.sliceStart(event.eventTime());
    state.slice(slice).addInteraction(event);
    state.markDirty(slice);
    if (event.teamId() != null) {
      state.teamId(event.teamId());
    }
    EnumSet<SkillCategory> touched = categoriesOf(event.observations());
    return finish(state, event, 0L, touched, teamId, ScoringResult.Outcome.ACCEPTED);
  }

  private ScoringResult scoreEvaluation(AgentState state, ScorableEvent.Evaluation event, String teamId) {
    Optional<Map.Entry<Long, RecordedEvaluation>> earlier = state.findEvaluation(event.sourceId());
    // a retraction is final (a dispute upheld); identical content is a plain re-send
    if (earlier.isPresent() && (earlier.get().getValue().retracted()
        || earlier.get().getValue().fingerprint() == event.fingerprint())) {
      return ScoringResult.duplicate();
    }
    if (windows.isLate(event.eventTime(), state.newestEventTime())) {
      return ScoringResult.late(lateMessage(event, state));
    }
    EnumSet<SkillCategory> touched = categoriesOf(event.observations());
    ScoringResult.Outcome outcome = ScoringResult.Outcome.ACCEPTED;
    if (earlier.isPresent()) {
      long oldSlice = earlier.get().getKey();
      state.slice(oldSlice).removeEvaluation(event.sourceId());
      state.markDirty(oldSlice);
      touched.addAll(categoriesOf(earlier.get().getValue().observations()));
      outcome = event.retracted() ? ScoringResult.Outcome.RETRACTED : ScoringResult.Outcome.CORRECTED;
    }
    long slice = windows.sliceStart(event.eventTime());
    state.slice(slice).putEvaluation(new RecordedEvaluation(event.sourceId(), event.eventTime(), event.fingerprint(),
        event.retracted(), event.observations()));
    state.markDirty(slice);
    return finish(state, event, event.fingerprint(), touched, teamId, outcome);
  }

  private ScoringResult finish(AgentState state, ScorableEvent event, long fingerprint, EnumSet<SkillCategory> touched,
      String teamId, ScoringResult.Outcome outcome) {
    state.observedEventTime(event.eventTime());
    expire(state);
    long windowStart = windows.currentWindowStart(event.eventTime());
    List<CoachingAlert> raised = new ArrayList<>();
    if (!touched.isEmpty()) {
      long windowEnd = windowStart + windows.sizeMs();
      WindowView window = WindowView.of(state.slicesBetween(windowStart, windowEnd));
      WindowView baseline = WindowView.of(state.slicesBetween(windowStart - windows.baselineMs(), windowStart));
      AlertFactory.Trigger trigger = new AlertFactory.Trigger(event.agentId(), teamId, event.sourceId(),
          event.eventTime(), fingerprint);
      for (SkillCategory category : touched) {
        CategoryMeasure measure = measure(category, window, baseline);
        SlipRules rules = policy.rules(category);
        SlipDecision decision = SlipDetector.evaluate(state.category(category), measure, event.eventTime(), rules);
        state.category(category, decision.next());
        if (decision.alerts()) {
          raised.add(alerts.create(trigger, category, decision.alert(), decision.reason(), measure, rules,
              windowStart, windowEnd, window, baseline));
        }
      }
    }
    return new ScoringResult(outcome, windowStart, List.copyOf(raised), null);
  }

  /**
   * Drops what no future event can change and no unpublished window still needs: slices older than the
   * current window (and its baseline) of the oldest time still within grace, but never a slice of a window
   * that changed and has not been published yet.
   */
  public void expire(AgentState state) {
    long oldest = windows.oldestUsefulSlice(state.newestEventTime());
    if (state.isDirty()) {
      oldest = Math.min(oldest, windows.firstWindowStartContaining(state.dirtyFrom()));
    }
    state.expireBefore(oldest);
  }

  static CategoryMeasure measure(SkillCategory category, WindowView window, WindowView baseline) {
    int baselineSamples = baseline.samples(category);
    Double baselineScore = baselineSamples == 0 ? null : baseline.categoryScore(category);
    return new CategoryMeasure(window.categoryScore(category), window.samples(category), baselineScore, baselineSamples);
  }

  private static EnumSet<SkillCategory> categoriesOf(List<Observation> observations) {
    EnumSet<SkillCategory> categories = EnumSet.noneOf(SkillCategory.class);
    observations.forEach(o -> categories.add(o.category()));
    return categories;
  }

  private String lateMessage(ScorableEvent event, AgentState state) {
    return "Event " + event.sourceId() + " at " + Instant.ofEpochMilli(event.eventTime()) + " is more than "
        + windows.grace() + " (window.grace) behind agent " + event.agentId() + "'s newest event time "
        + Instant.ofEpochMilli(state.newestEventTime());
  }
}
