package com.coachstream.streams.slip;

import com.coachstream.avro.AlertReason;
import com.coachstream.avro.AlertType;
import com.coachstream.streams.stats.ScoreEstimate;
import com.coachstream.streams.team.TeamHistogram;

/**
 * Adds the team-relative rule ({@link TeamRelativeRule}) to a decision of the fixed or statistical rules:
 * <ul>
 *   <li>below the team: threshold mode, the score (with at least min-samples samples) is below the team's
 *       percentile; statistical mode, P(true score &lt; percentile) reaches {@code slip.confidence}. Each window
 *       records it in the category's team track, and {@code slip.sustain} X/Y applies to that track;</li>
 *   <li>a category that is not slipping and got no SLIP from the other rules gets a SLIP
 *       ({@code BELOW_TEAM_PERCENTILE}) when it is below the team now and in X of the last Y windows, unless
 *       the cooldown holds it back (the state then stays OK, as for any held-back SLIP);</li>
 *   <li>a RECOVERY of the other rules waits while the agent is still below the team's percentile plus the
 *       hysteresis (statistical mode: until P(true score ≥ percentile + hysteresis) reaches the confidence).</li>
 * </ul>
 * Without a known percentile (rule off, team too small, distribution not there yet) the decision is unchanged.
 */
final class TeamRelativeJudge {

  /** The decision after the team rule, its certainty, the team track and the percentile used (null: none). */
  record Outcome(SlipDecision decision, StatisticalDecision certainty, SustainedRule.Track track, Double percentile) { }

  private TeamRelativeJudge() { }

  /**
   * @param estimate statistical mode's belief in the window's true score (null in threshold mode or without
   *     samples)
   * @param confidence statistical mode's {@code slip.confidence}
   */
  static Outcome judge(TeamRelativeRule rule, SustainedRule sustain, TeamHistogram team, SustainedRule.Track track,
      CategoryState state, SlipDecision decision, StatisticalDecision certainty, CategoryMeasure measure,
      ScoreEstimate estimate, double confidence, SlipRules rules, long now, SlipPolicy.Window window) {
    Double percentile = rule.threshold(team);
    boolean statistical = certainty != null;
    double probabilityBelow = Double.NaN;
    boolean below = false;
    if (percentile != null && measure.samples() >= rules.minSamples()) {
      if (statistical) {
        probabilityBelow = estimate == null ? 0 : estimate.probabilityBelow(percentile);
        below = probabilityBelow >= confidence;
      } else {
        below = TeamRelativeRule.below(measure.score(), percentile);
      }
    }
    SustainedRule.Track next = SustainedRule.record(track, window.start(), window.advanceMs(), below);
    if (!state.slipping()) {
      if (decision.alert() == AlertType.SLIP || !below || !sustain.sustained(next) || SlipDetector.inCooldown(state, now, rules)) {
        return new Outcome(decision, certainty, next, percentile);
      }
      SlipDecision slip = new SlipDecision(new CategoryState(true, now), AlertType.SLIP, AlertReason.BELOW_TEAM_PERCENTILE);
      StatisticalDecision sure = statistical
          ? new StatisticalDecision(slip, probabilityBelow, certainty.low(), certainty.high(), certainty.condition())
          : null;
      return new Outcome(slip, sure, next, percentile);
    }
    if (decision.alert() == AlertType.RECOVERY && percentile != null && stillBelow(measure, estimate, statistical,
        percentile + rules.hysteresis(), confidence)) {
      SlipDecision quiet = SlipDecision.quiet(state);
      StatisticalDecision sure = statistical ? new StatisticalDecision(quiet, certainty.probability(), certainty.low(),
          certainty.high(), certainty.condition()) : null;
      return new Outcome(quiet, sure, next, percentile);
    }
    return new Outcome(decision, certainty, next, percentile);
  }

  private static boolean stillBelow(CategoryMeasure measure, ScoreEstimate estimate, boolean statistical, double bar,
      double confidence) {
    if (statistical) {
      return estimate == null || 1 - estimate.probabilityBelow(bar) < confidence;
    }
    return TeamRelativeRule.below(measure.score(), bar);
  }
}
