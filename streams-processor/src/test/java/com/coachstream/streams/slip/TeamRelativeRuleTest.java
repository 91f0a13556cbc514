package com.coachstream.streams.slip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachstream.avro.AlertReason;
import com.coachstream.avro.AlertType;
import com.coachstream.avro.SkillCategory;
import com.coachstream.streams.stats.Moments;
import com.coachstream.streams.team.TeamHistogram;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The team-relative rule on its own and through {@link SlipPolicy#judge}, in both modes. */
class TeamRelativeRuleTest {

  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final SkillCategory SOFT = SkillCategory.SOFT;
  private static final TeamRelativeRule P20 = new TeamRelativeRule(20, 5);
  /** Six members: 76, 85, 86, 87, 88, 89; the 20th percentile is rank 1: 85. */
  private static final TeamHistogram TEAM = team(76, 85, 86, 87, 88, 89);

  private static TeamHistogram team(double... scores) {
    TeamHistogram histogram = new TeamHistogram();
    for (double score : scores) {
      histogram.add(TeamHistogram.bucket(score));
    }
    return histogram;
  }

  private static SlipPolicy threshold(SustainedRule sustain) {
    return new SlipPolicy(Map.of(), null, sustain, P20);
  }

  private static Moments samples(int n, double value) {
    Moments m = new Moments();
    for (int i = 0; i < n; i++) {
      m.sample(value + (i % 2 == 0 ? 1 : -1), 1, 1);
    }
    return m;
  }

  private static SlipPolicy.Judgement judge(SlipPolicy policy, CategoryState state, double score, int samples,
      TeamHistogram team, SustainedRule.Track track, long windowStart) {
    CategoryMeasure measure = new CategoryMeasure(score, samples, null, 0);
    return policy.judge(SOFT, state, measure, new StatisticalMeasure(samples(samples, score), null), windowStart,
        new SlipPolicy.Window(windowStart, DAY, SustainedRule.Track.NONE), new SlipPolicy.Team(team, track));
  }

  @Test
  void settingsAreChecked() {
    assertThat(TeamRelativeRule.OFF.enabled()).isFalse();
    assertThat(P20.enabled()).isTrue();
    assertThatThrownBy(() -> new TeamRelativeRule(100, 5)).hasMessageContaining("slip.team-percentile");
    assertThatThrownBy(() -> new TeamRelativeRule(0.5, 5)).hasMessageContaining("slip.team-percentile");
    assertThatThrownBy(() -> new TeamRelativeRule(-1, 5)).hasMessageContaining("slip.team-percentile");
    assertThatThrownBy(() -> new TeamRelativeRule(20, 1)).hasMessageContaining("slip.team-min-size");
  }

  @Test
  void thePercentileAppliesOnlyToATeamOfTheMinimumSize() {
    assertThat(P20.threshold(TEAM)).isEqualTo(85.0);
    assertThat(P20.threshold(team(76, 85, 86, 87))).isNull();
    assertThat(P20.threshold(null)).isNull();
    assertThat(TeamRelativeRule.OFF.threshold(TEAM)).isNull();
  }

  @Test
  void belowComparesTheRoundedScore() {
    assertThat(TeamRelativeRule.below(84.7, 85)).isTrue(); // rounds to 84.5
    assertThat(TeamRelativeRule.below(84.8, 85)).isFalse(); // rounds to 85.0: a tie is not below
    assertThat(TeamRelativeRule.below(85.2, 85)).isFalse();
  }

  @Test
  void thresholdModeSlipsBelowTheTeamWithItsOwnReasonAndThePercentile() {
    SlipPolicy.Judgement j = judge(threshold(SustainedRule.ONCE), CategoryState.INITIAL, 76, 6, TEAM,
        SustainedRule.Track.NONE, 10 * DAY);
    assertThat(j.decision().alert()).isEqualTo(AlertType.SLIP);
    assertThat(j.decision().reason()).isEqualTo(AlertReason.BELOW_TEAM_PERCENTILE);
    assertThat(j.decision().next()).isEqualTo(new CategoryState(true, 10 * DAY));
    assertThat(j.teamPercentile()).isEqualTo(85.0);
    assertThat(j.certainty()).isNull();
    assertThat(j.teamTrack().held() & 1).isEqualTo(1);
  }

  @Test
  void noSlipAtOrAboveThePercentileWithTooFewSamplesOrWithoutADistribution() {
    SlipPolicy policy = threshold(SustainedRule.ONCE);
    assertThat(judge(policy, CategoryState.INITIAL, 85, 6, TEAM, SustainedRule.Track.NONE, 10 * DAY).decision().alerts()).isFalse();
    assertThat(judge(policy, CategoryState.INITIAL, 76, 4, TEAM, SustainedRule.Track.NONE, 10 * DAY).decision().alerts()).isFalse();
    SlipPolicy.Judgement unknown = judge(policy, CategoryState.INITIAL, 76, 6, null, SustainedRule.Track.NONE, 10 * DAY);
    assertThat(unknown.decision().alerts()).isFalse();
    assertThat(unknown.teamPercentile()).isNull();
    // a team below the minimum size: no alert
    assertThat(judge(policy, CategoryState.INITIAL, 76, 6, team(76, 85, 86, 87), SustainedRule.Track.NONE, 10 * DAY)
        .decision().alerts()).isFalse();
  }

  @Test
  void theFixedRulesKeepTheirReasonWhenBothHold() {
    SlipPolicy.Judgement j = judge(threshold(SustainedRule.ONCE), CategoryState.INITIAL, 60, 6, team(60, 85, 86, 87, 88),
        SustainedRule.Track.NONE, 10 * DAY);
    assertThat(j.decision().reason()).isEqualTo(AlertReason.BELOW_FLOOR);
    assertThat(j.teamPercentile()).isEqualTo(80.0); // rank 0.8 between 60 and 85
  }

  @Test
  void offTheRuleChangesNothingAndKeepsNoTrack() {
    SlipPolicy off = new SlipPolicy(Map.of(), null, SustainedRule.ONCE);
    SlipPolicy.Judgement j = judge(off, CategoryState.INITIAL, 76, 6, TEAM, SustainedRule.Track.NONE, 10 * DAY);
    assertThat(j.decision().alerts()).isFalse();
    assertThat(j.teamTrack()).isEqualTo(SustainedRule.Track.NONE);
    assertThat(j.teamPercentile()).isNull();
  }

  @Test
  void xOfYWindowsBelowTheTeamBeforeASlip() {
    SlipPolicy policy = threshold(new SustainedRule(2, 3));
    SlipPolicy.Judgement first = judge(policy, CategoryState.INITIAL, 76, 6, TEAM, SustainedRule.Track.NONE, 10 * DAY);
    assertThat(first.decision().alerts()).isFalse();
    assertThat(first.decision().next().slipping()).isFalse();
    SlipPolicy.Judgement aboveNext = judge(policy, CategoryState.INITIAL, 88, 6, TEAM, first.teamTrack(), 11 * DAY);
    assertThat(aboveNext.decision().alerts()).isFalse();
    SlipPolicy.Judgement third = judge(policy, CategoryState.INITIAL, 76, 6, TEAM, aboveNext.teamTrack(), 12 * DAY);
    assertThat(third.decision().reason()).isEqualTo(AlertReason.BELOW_TEAM_PERCENTILE); // windows 10 and 12 of 10..12
  }

  @Test
  void theCooldownHoldsATeamSlipBackAndLeavesTheStateOk() {
    CategoryState recent = new CategoryState(false, 10 * DAY - 3_600_000);
    SlipPolicy.Judgement j = judge(threshold(SustainedRule.ONCE), recent, 76, 6, TEAM, SustainedRule.Track.NONE, 10 * DAY);
    assertThat(j.decision().alerts()).isFalse();
    assertThat(j.decision().next()).isEqualTo(recent);
  }

  @Test
  void aRecoveryWaitsWhileTheAgentIsStillBelowTheTeamPlusHysteresis() {
    CategoryState slipping = new CategoryState(true, 0);
    SlipPolicy policy = threshold(SustainedRule.ONCE);
    // above floor + hysteresis (73) but below 85 + 3
    assertThat(judge(policy, slipping, 86, 6, TEAM, SustainedRule.Track.NONE, 10 * DAY).decision().alerts()).isFalse();
    SlipPolicy.Judgement back = judge(policy, slipping, 88, 6, TEAM, SustainedRule.Track.NONE, 10 * DAY);
    assertThat(back.decision().alert()).isEqualTo(AlertType.RECOVERY);
    // without a distribution the fixed rules alone decide
    assertThat(judge(policy, slipping, 80, 6, null, SustainedRule.Track.NONE, 10 * DAY).decision().alert())
        .isEqualTo(AlertType.RECOVERY);
  }

  @Test
  void statisticalModeSlipsWhenSureTheTrueScoreIsBelowThePercentile() {
    SlipPolicy policy = new SlipPolicy(Map.of(), StatisticalRules.DEFAULTS, SustainedRule.ONCE, P20);
    SlipPolicy.Judgement far = judge(policy, CategoryState.INITIAL, 72, 12, TEAM, SustainedRule.Track.NONE, 10 * DAY);
    assertThat(far.decision().reason()).isEqualTo(AlertReason.BELOW_TEAM_PERCENTILE);
    assertThat(far.certainty().probability()).isBetween(0.95, 1.0);
    assertThat(far.certainty().low()).isLessThan(far.certainty().high());
    assertThat(far.teamPercentile()).isEqualTo(85.0);
    // just under the percentile: not sure enough
    assertThat(judge(policy, CategoryState.INITIAL, 84, 6, TEAM, SustainedRule.Track.NONE, 10 * DAY).decision().alerts())
        .isFalse();
  }

  @Test
  void statisticalRecoveryWaitsUntilSureTheAgentIsBackAboveThePercentilePlusHysteresis() {
    SlipPolicy policy = new SlipPolicy(Map.of(), StatisticalRules.DEFAULTS, SustainedRule.ONCE, P20);
    CategoryState slipping = new CategoryState(true, 0);
    assertThat(judge(policy, slipping, 86, 12, TEAM, SustainedRule.Track.NONE, 10 * DAY).decision().alerts()).isFalse();
    assertThat(judge(policy, slipping, 97, 12, TEAM, SustainedRule.Track.NONE, 10 * DAY).decision().alert())
        .isEqualTo(AlertType.RECOVERY);
  }
}
