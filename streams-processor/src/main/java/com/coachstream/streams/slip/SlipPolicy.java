package com.coachstream.streams.slip;

import com.coachstream.avro.AlertType;
import com.coachstream.avro.SkillCategory;
import com.coachstream.streams.stats.ScoreEstimate;
import com.coachstream.streams.team.TeamHistogram;
import java.util.EnumMap;
import java.util.Map;

/**
 * The slip rules of each category (docs/concepts.md: each threshold configurable per category) and the
 * alert mode: threshold (the exact fixed rules, the default) or statistical (by probability).
 */
public final class SlipPolicy {

  private final EnumMap<SkillCategory, SlipRules> rules;
  private final StatisticalRules statistical;
  private final SustainedRule sustain;
  private final TeamRelativeRule team;

  /** Threshold mode. */
  public SlipPolicy(Map<SkillCategory, SlipRules> rules) {
    this(rules, null, SustainedRule.ONCE);
  }

  /** As {@link #SlipPolicy(Map, StatisticalRules, SustainedRule, TeamRelativeRule)} without the team-relative rule. */
  public SlipPolicy(Map<SkillCategory, SlipRules> rules, StatisticalRules statistical, SustainedRule sustain) {
    this(rules, statistical, sustain, TeamRelativeRule.OFF);
  }

  /**
   * Statistical mode with {@code statistical}'s settings, or threshold mode when it is null; a SLIP only
   * when {@code sustain} holds; {@code team}, the team-relative rule ({@link TeamRelativeRule#OFF}: none).
   */
  public SlipPolicy(Map<SkillCategory, SlipRules> rules, StatisticalRules statistical, SustainedRule sustain,
      TeamRelativeRule team) {
    this.rules = new EnumMap<>(SkillCategory.class);
    for (SkillCategory category : SkillCategory.values()) {
      this.rules.put(category, rules.getOrDefault(category, SlipRules.DEFAULTS));
    }
    this.statistical = statistical;
    this.sustain = sustain;
    this.team = team;
  }

  /** {@code slip.team-percentile} and {@code slip.team-min-size}. */
  public TeamRelativeRule team() {
    return team;
  }

  public SustainedRule sustain() {
    return sustain;
  }

  public static SlipPolicy defaults() {
    return new SlipPolicy(Map.of());
  }

  public SlipRules rules(SkillCategory category) {
    return rules.get(category);
  }

  public AlertMode mode() {
    return statistical == null ? AlertMode.THRESHOLD : AlertMode.STATISTICAL;
  }

  /**
   * A decision, in statistical mode how sure it is, the category's sustain track and team track after it, and the
   * team's percentile it was judged against (null when the team-relative rule did not apply).
   */
  public record Judgement(SlipDecision decision, StatisticalDecision certainty, SustainedRule.Track track,
      SustainedRule.Track teamTrack, Double teamPercentile) {

    public Judgement(SlipDecision decision, StatisticalDecision certainty, SustainedRule.Track track) {
      this(decision, certainty, track, SustainedRule.Track.NONE, null);
    }
  }

  /** The agent's team's distribution of the category in the window (null when unknown) and the category's team track. */
  public record Team(TeamHistogram histogram, SustainedRule.Track track) {
    public static final Team NONE = new Team(null, SustainedRule.Track.NONE);
  }

  /** Where the decision is taken: the latest window's start, the window advance, the category's sustain track. */
  public record Window(long start, long advanceMs, SustainedRule.Track track) { }

  /**
   * Decides one category: threshold mode on the window's score ({@link SlipDetector}, certainty null),
   * statistical mode on its samples ({@link StatisticalSlipDetector}); then, unless sustain is 1/1, a SLIP
   * waits (the state staying OK) until the condition held in X of the last Y windows.
   */
  public Judgement judge(SkillCategory category, CategoryState state, CategoryMeasure measure,
      StatisticalMeasure samples, long now, Window window) {
    return judge(category, state, measure, samples, now, window, Team.NONE);
  }

  /**
   * As {@link #judge(SkillCategory, CategoryState, CategoryMeasure, StatisticalMeasure, long, Window)}, then,
   * when {@code slip.team-percentile} is on, the team-relative rule ({@link TeamRelativeJudge}).
   */
  public Judgement judge(SkillCategory category, CategoryState state, CategoryMeasure measure,
      StatisticalMeasure samples, long now, Window window, Team teamView) {
    Judgement judgement = judgeAlone(category, state, measure, samples, now, window);
    if (!team.enabled()) {
      return judgement;
    }
    SlipRules categoryRules = rules(category);
    ScoreEstimate estimate = statistical == null ? null : statistical.model().window(samples.window(), samples.baseline());
    TeamRelativeJudge.Outcome outcome = TeamRelativeJudge.judge(team, sustain, teamView.histogram(), teamView.track(),
        state, judgement.decision(), judgement.certainty(), measure, estimate,
        statistical == null ? 0 : statistical.confidence(), categoryRules, now, window);
    return new Judgement(outcome.decision(), outcome.certainty(), judgement.track(), outcome.track(), outcome.percentile());
  }

  private Judgement judgeAlone(SkillCategory category, CategoryState state, CategoryMeasure measure,
      StatisticalMeasure samples, long now, Window window) {
    SlipRules categoryRules = rules(category);
    SlipDecision decision;
    StatisticalDecision certainty = null;
    boolean condition;
    if (statistical == null) {
      decision = SlipDetector.evaluate(state, measure, now, categoryRules);
      condition = !sustain.isOnce() && SlipDetector.slipReason(measure, categoryRules) != null;
    } else {
      certainty = StatisticalSlipDetector.evaluate(state, samples, now, categoryRules, statistical);
      decision = certainty.decision();
      condition = certainty.condition();
    }
    if (sustain.isOnce()) {
      return new Judgement(decision, certainty, window.track());
    }
    SustainedRule.Track track = SustainedRule.record(window.track(), window.start(), window.advanceMs(), condition);
    if (decision.alert() == AlertType.SLIP && !sustain.sustained(track)) {
      decision = SlipDecision.quiet(state);
    }
    return new Judgement(decision, certainty, track);
  }
}
