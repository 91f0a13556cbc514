package com.coachstream.streams.scoring;

import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.SkillCategory;
import com.coachstream.streams.alerts.AlertFactory;
import com.coachstream.streams.slip.CategoryMeasure;
import com.coachstream.streams.slip.SlipDecision;
import com.coachstream.streams.rules.EffectiveRules;
import com.coachstream.streams.slip.SlipPolicy;
import com.coachstream.streams.slip.SlipRules;
import com.coachstream.streams.slip.Snoozes;
import com.coachstream.streams.slip.StatisticalMeasure;
import com.coachstream.streams.slip.TeamDistributions;
import com.coachstream.streams.window.Lateness;
import com.coachstream.streams.window.WindowSpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Applies one valid event to an agent's state and history: duplicate check, then lateness per source
 * ({@link Lateness}), then the observations (withdrawing a corrected or retracted evaluation's earlier
 * ones), then slip detection, for every category the event touched, on the agent's latest window W: the
 * current window of its newest event time over both sources. An event of a lagging source that changes
 * older windows is thus judged by what the agent looks like now: it never raises an alert about the past
 * and never flaps the state back and forth over old windows. (It can still raise an alert about W itself,
 * when W was slipping in a category that no event since W began had touched: the rule looks at every
 * category the accepted event touched.)
 *
 * <p>Cost per event: the agent's small state, one slice and one remembered id, whatever
 * {@code window.size / window.advance}: W and its baseline are running sums ({@link CurrentWindow}); the
 * older windows an event changes are published later, in one sweep per agent. Two rarer cases read the
 * slices of W: a correction inside it recomputes its min and max, and an alert collects its evidence.
 */
public final class AgentScorer {

  private final WindowSpec windows;
  private final EffectiveRules defaultRules;
  private final AlertFactory alerts;
  private final Lateness lateness;

  public AgentScorer(WindowSpec windows, SlipPolicy policy, AlertFactory alerts) {
    this.windows = windows;
    this.lateness = new Lateness(windows);
    this.defaultRules = EffectiveRules.defaults(policy);
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
    return score(state, history, event, teamId, Snoozes.NONE);
  }

  /** As {@link #score(AgentState, AgentHistory, ScorableEvent, String)}, holding back the SLIPs {@code snoozes} hold. */
  public ScoringResult score(AgentState state, AgentHistory history, ScorableEvent event, String teamId,
      Snoozes snoozes) {
    return score(state, history, event, teamId, snoozes, defaultRules, TeamDistributions.NONE);
  }

  /**
   * As {@link #score(AgentState, AgentHistory, ScorableEvent, String, Snoozes)}, deciding slips by
   * {@code rules} (the agent's team's rules in force) in place of the configuration's; alerts name them.
   */
  public ScoringResult score(AgentState state, AgentHistory history, ScorableEvent event, String teamId,
      Snoozes snoozes, EffectiveRules rules) {
    return score(state, history, event, teamId, snoozes, rules, TeamDistributions.NONE);
  }

  /**
   * As {@link #score(AgentState, AgentHistory, ScorableEvent, String, Snoozes)}, judging the team-relative rule
   * ({@code slip.team-percentile}) against the team's distributions in {@code teams}.
   */
  public ScoringResult score(AgentState state, AgentHistory history, ScorableEvent event, String teamId,
      Snoozes snoozes, TeamDistributions teams) {
    return score(state, history, event, teamId, snoozes, defaultRules, teams);
  }

  /**
   * Scores the event, deciding slips by {@code rules} (the rules in force for the agent's team; alerts name
   * them) and judging the team-relative rule against the team's distributions in {@code teams}.
   */
  public ScoringResult score(AgentState state, AgentHistory history, ScorableEvent event, String teamId,
      Snoozes snoozes, EffectiveRules rules, TeamDistributions teams) {
    Context context = new Context(teamId, snoozes, rules, teams);
    if (event instanceof ScorableEvent.Interaction interaction) {
      return scoreInteraction(state, history, interaction, context);
    }
    return scoreEvaluation(state, history, (ScorableEvent.Evaluation) event, context);
  }

  /** Who judges the event's agent: their team for alerts, their snoozes, the rules in force, their team's distributions. */
  private record Context(String teamId, Snoozes snoozes, EffectiveRules rules, TeamDistributions teams) { }

  /** The configuration's slip policy (the rules for teams without rules of their own). */
  public SlipPolicy policy() {
    return defaultRules.policy();
  }

  private ScoringResult scoreInteraction(AgentState state, AgentHistory history, ScorableEvent.Interaction event,
      Context context) {
    long idHash = Fnv64.hash(event.sourceId());
    if (history.interactionSlice(idHash) != null) {
      return ScoringResult.duplicate();
    }
    ScoringResult late = lateOrNull(state, event);
    if (late != null) {
      return late;
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
    return finish(state, history, event, 0L, touched, context, ScoringResult.Outcome.ACCEPTED,
        state.current.inWindow(slice, windows));
  }

  private ScoringResult scoreEvaluation(AgentState state, AgentHistory history, ScorableEvent.Evaluation event,
      Context context) {
    long idHash = Fnv64.hash(event.sourceId());
    Long earlierSlice = history.evaluationSlice(idHash);
    Slice earlierHolder = earlierSlice == null ? null : history.slice(earlierSlice);
    RecordedEvaluation earlier = earlierHolder == null ? null : earlierHolder.evaluation(event.sourceId());
    // a retraction is final (a dispute upheld); identical content is a plain re-send
    if (earlier != null && (earlier.retracted() || earlier.fingerprint() == event.fingerprint())) {
      return ScoringResult.duplicate();
    }
    ScoringResult late = lateOrNull(state, event);
    if (late != null) {
      return late;
    }
    long slice = windows.sliceStart(event.eventTime());
    state.current.advanceTo(slice, windows, history);
    boolean latestWindowChanged = state.current.inWindow(slice, windows);
    EnumSet<SkillCategory> touched = Slice.categoriesOf(event.observations());
    ScoringResult.Outcome outcome = ScoringResult.Outcome.ACCEPTED;
    if (earlier != null) {
      latestWindowChanged |= state.current.inWindow(earlierSlice, windows);
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
    return finish(state, history, event, event.fingerprint(), touched, context, outcome, latestWindowChanged);
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

  private ScoringResult lateOrNull(AgentState state, ScorableEvent event) {
    Lateness.Verdict verdict = lateness.judge(event.eventTime(), event.source(), state.progress());
    if (verdict == Lateness.Verdict.ON_TIME) {
      return null;
    }
    return ScoringResult.late(lateness.explain(verdict, event.sourceId(), event.agentId(), event.eventTime(),
        event.source(), state.progress()));
  }

  /**
   * Records the event's time in its source's progress, drops what is no longer needed and evaluates every
   * touched category on the latest window W. Cooldowns are measured in the agent's newest event time over
   * both sources: the moment, in event time, at which the alert is (or would be) raised; snoozes too.
   */
  private ScoringResult finish(AgentState state, AgentHistory history, ScorableEvent event, long fingerprint,
      EnumSet<SkillCategory> touched, Context context, ScoringResult.Outcome outcome, boolean latestWindowChanged) {
    String teamId = context.teamId();
    SlipPolicy policy = context.rules().policy();
    state.progress().observed(event.source(), event.eventTime());
    expire(state, history);
    long now = state.newestEventTime();
    long windowStart = state.current.windowStart(windows);
    long windowEnd = windowStart + windows.sizeMs();
    WindowView window = state.current.view();
    WindowView baseline = state.current.baselineView();
    List<CoachingAlert> raised = new ArrayList<>();
    AlertFactory.Trigger trigger = new AlertFactory.Trigger(event.agentId(), teamId, event.sourceId(),
        event.eventTime(), fingerprint, now);
    for (SkillCategory category : touched) {
      CategoryMeasure measure = measure(category, window, baseline);
      SlipRules rules = policy.rules(category);
      SlipPolicy.Judgement judgement = policy.judge(category, state.category(category), measure,
          new StatisticalMeasure(state.current.moments(category), state.current.baselineMoments(category)), now,
          new SlipPolicy.Window(windowStart, windows.advanceMs(), state.sustainTrack(category)),
          teamView(context, category, windowStart, state));
      SlipDecision decision = context.snoozes().apply(category, state.category(category), judgement.decision(), now);
      state.category(category, decision.next());
      state.sustainTrack(category, judgement.track());
      state.teamTrack(category, judgement.teamTrack());
      if (decision.alerts()) {
        if (!window.hasEvidence()) {
          window = WindowView.of(history.slices(windowStart, windowEnd)); // the same sums, with evidence
        }
        CoachingAlert alert = AlertFactory.withCertainty(alerts.create(trigger, category, decision.alert(),
            decision.reason(), measure, rules, windowStart, windowEnd, window, baseline), judgement.certainty(),
            judgement.teamPercentile());
        alert.setRuleSet(context.rules().name());
        raised.add(alert);
      }
    }
    return new ScoringResult(outcome, windowStart, latestWindowChanged ? window : null, List.copyOf(raised), null);
  }

  /** The team's distribution of the category in the window (one lookup, only with the team-relative rule on). */
  private SlipPolicy.Team teamView(Context context, SkillCategory category, long windowStart, AgentState state) {
    if (!context.rules().policy().team().enabled()) {
      return SlipPolicy.Team.NONE;
    }
    return new SlipPolicy.Team(context.teamId() == null ? null
        : context.teams().histogram(context.teamId(), category, windowStart), state.teamTrack(category));
  }

  /**
   * Drops what no future event can change and no unpublished window still needs: slices older than every
   * window an accepted event can still change ({@link WindowSpec#oldestUsefulSlice}), but never a slice of a
   * window that changed and has not been published yet. Their remembered ids go with them.
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
}
