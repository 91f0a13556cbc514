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

/**
 * Applies one valid event to an agent's state and history (SPEC §4–§7): duplicate check, then lateness,
 * then the observations (withdrawing a corrected or retracted evaluation's earlier ones), then slip
 * detection on the event's current window for every category the event touched.
 *
 * <p>Cost per event: the agent's small state, one slice and one remembered id, whatever
 * {@code window.size / window.advance}: the current window and its baseline are running sums
 * ({@link CurrentWindow}). Three rarer cases read the slices of a window: an event older than the agent's
 * newest slice (within grace) derives its own window from them, a correction inside the current window
 * recomputes its min and max, and an alert collects its evidence.
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
   * Scores one event into {@code state} and {@code history} (changed unless the result is DUPLICATE or LATE).
   *
   * @param teamId the agent's team for alerts (roster first, else the event's)
   */
  public ScoringResult score(AgentState state, AgentHistory history, ScorableEvent event, String teamId) {
    if (event instanceof ScorableEvent.Interaction interaction) {
      return scoreInteraction(state, history, interaction, teamId);
    }
    return scoreEvaluation(state, history, (ScorableEvent.Evaluation) event, teamId);
  }

  private ScoringResult scoreInteraction(AgentState state, AgentHistory history, ScorableEvent.Interaction event,
      String teamId) {
    long idHash = Fnv64.hash(event.sourceId());
    if (history.interactionSlice(idHash) != null) {
      return ScoringResult.duplicate();
    }
    if (windows.isLate(event.eventTime(), state.newestEventTime())) {
      return ScoringResult.late(lateMessage(event, state));
    }
    long slice = windows.sliceStart(event.eventTime());
    state.current.advanceTo(slice, windows, history);
    Slice stored = sliceOrNew(history, slice);
    stored.addInteraction(event);
    store(state, history, slice, stored);
    history.rememberInteraction(idHash, slice);
    state.current.apply(slice, event.observations(), event.kpi(), event.eventTime(), 1, windows);
    state.markDirty(slice);
    if (event.teamId() != null) {
      state.teamId(event.teamId());
    }
    EnumSet<SkillCategory> touched = Slice.categoriesOf(event.observations());
    return finish(state, history, event, 0L, touched, teamId, ScoringResult.Outcome.ACCEPTED);
  }

  private ScoringResult scoreEvaluation(AgentState state, AgentHistory history, ScorableEvent.Evaluation event,
      String teamId) {
    long idHash = Fnv64.hash(event.sourceId());
    Long earlierSlice = history.evaluationSlice(idHash);
    Slice earlierHolder = earlierSlice == null ? null : history.slice(earlierSlice);
    RecordedEvaluation earlier = earlierHolder == null ? null : earlierHolder.evaluation(event.sourceId());
    // a retraction is final (a dispute upheld); identical content is a plain re-send
    if (earlier != null && (earlier.retracted() || earlier.fingerprint() == event.fingerprint())) {
      return ScoringResult.duplicate();
    }
    if (windows.isLate(event.eventTime(), state.newestEventTime())) {
      return ScoringResult.late(lateMessage(event, state));
    }
    long slice = windows.sliceStart(event.eventTime());
    state.current.advanceTo(slice, windows, history);
    EnumSet<SkillCategory> touched = Slice.categoriesOf(event.observations());
    ScoringResult.Outcome outcome = ScoringResult.Outcome.ACCEPTED;
    if (earlier != null) {
      withdraw(state, history, earlierSlice, earlierHolder, earlier);
      touched.addAll(Slice.categoriesOf(earlier.observations()));
      outcome = event.retracted() ? ScoringResult.Outcome.RETRACTED : ScoringResult.Outcome.CORRECTED;
    }
    Slice stored = sliceOrNew(history, slice);
    stored.putEvaluation(new RecordedEvaluation(event.sourceId(), event.eventTime(), event.fingerprint(),
        event.retracted(), event.observations()));
    store(state, history, slice, stored);
    history.rememberEvaluation(idHash, slice);
    state.current.apply(slice, event.observations(), null, event.eventTime(), 1, windows);
    state.markDirty(slice);
    return finish(state, history, event, event.fingerprint(), touched, teamId, outcome);
  }

  /** Takes an earlier version of an evaluation out of its slice and out of the running sums. */
  private void withdraw(AgentState state, AgentHistory history, long slice, Slice holder, RecordedEvaluation earlier) {
    holder.removeEvaluation(earlier.evaluationId());
    history.putSlice(slice, holder);
    state.current.apply(slice, earlier.observations(), null, earlier.eventTime(), -1, windows);
    if (state.current.inWindow(slice, windows)) {
      state.current.rebuildExtremes(windows, history);
    }
    state.markDirty(slice);
  }

  private static Slice sliceOrNew(AgentHistory history, long start) {
    Slice slice = history.slice(start);
    return slice == null ? new Slice() : slice;
  }

  private static void store(AgentState state, AgentHistory history, long start, Slice slice) {
    history.putSlice(start, slice);
    state.storedSlice(start);
  }

  private ScoringResult finish(AgentState state, AgentHistory history, ScorableEvent event, long fingerprint,
      EnumSet<SkillCategory> touched, String teamId, ScoringResult.Outcome outcome) {
    state.observedEventTime(event.eventTime());
    expire(state, history);
    long windowStart = windows.currentWindowStart(event.eventTime());
    long windowEnd = windowStart + windows.sizeMs();
    WindowView window;
    WindowView baseline;
    if (windows.sliceStart(event.eventTime()) == state.current.anchor()) {
      window = state.current.view();
      baseline = state.current.baselineView();
    } else {
      // an event behind the newest slice: its window is not the running one
      window = WindowView.of(history.slices(windowStart, windowEnd));
      baseline = WindowView.of(history.slices(windowStart - windows.baselineMs(), windowStart));
    }
    List<CoachingAlert> raised = new ArrayList<>();
    AlertFactory.Trigger trigger = new AlertFactory.Trigger(event.agentId(), teamId, event.sourceId(),
        event.eventTime(), fingerprint);
    for (SkillCategory category : touched) {
      CategoryMeasure measure = measure(category, window, baseline);
      SlipRules rules = policy.rules(category);
      SlipDecision decision = SlipDetector.evaluate(state.category(category), measure, event.eventTime(), rules);
      state.category(category, decision.next());
      if (decision.alerts()) {
        if (!window.hasEvidence()) {
          window = WindowView.of(history.slices(windowStart, windowEnd)); // the same sums, with evidence
        }
        raised.add(alerts.create(trigger, category, decision.alert(), decision.reason(), measure, rules,
            windowStart, windowEnd, window, baseline));
      }
    }
    return new ScoringResult(outcome, windowStart, window, List.copyOf(raised), null);
  }

  /**
   * Drops what no future event can change and no unpublished window still needs: slices older than the
   * current window (and its baseline) of the oldest time still within grace, but never a slice of a window
   * that changed and has not been published yet. Their remembered ids go with them.
   */
  public void expire(AgentState state, AgentHistory history) {
    if (state.oldestSlice() == AgentState.NONE || state.newestEventTime() == AgentState.NONE) {
      return;
    }
    long oldest = windows.oldestUsefulSlice(state.newestEventTime());
    if (state.isDirty()) {
      oldest = Math.min(oldest, windows.firstWindowStartContaining(state.dirtyFrom()));
    }
    if (state.oldestSlice() >= oldest) {
      return;
    }
    for (Map.Entry<Long, Slice> expired : history.slices(state.oldestSlice(), oldest).entrySet()) {
      expired.getValue().interactionIdHashes().forEach(history::forgetInteraction);
      expired.getValue().evaluationIds().forEach(id -> history.forgetEvaluation(Fnv64.hash(id)));
      history.deleteSlice(expired.getKey());
    }
    state.oldestSlice(oldest);
  }

  static CategoryMeasure measure(SkillCategory category, WindowView window, WindowView baseline) {
    int baselineSamples = baseline.samples(category);
    Double baselineScore = baselineSamples == 0 ? null : baseline.categoryScore(category);
    return new CategoryMeasure(window.categoryScore(category), window.samples(category), baselineScore, baselineSamples);
  }

  private String lateMessage(ScorableEvent event, AgentState state) {
    return "Event " + event.sourceId() + " at " + Instant.ofEpochMilli(event.eventTime()) + " is more than "
        + windows.grace() + " (window.grace) behind agent " + event.agentId() + "'s newest event time "
        + Instant.ofEpochMilli(state.newestEventTime());
  }
}
