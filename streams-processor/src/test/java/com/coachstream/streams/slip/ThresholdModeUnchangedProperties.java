package com.coachstream.streams.slip;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.AlertReason;
import com.coachstream.avro.AlertType;
import com.coachstream.avro.SkillCategory;
import com.coachstream.streams.stats.Moments;
import java.time.Duration;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Threshold mode, the default, decides exactly as before statistical mode, sustained rules and the alert
 * mode existed: {@link SlipPolicy#judge} against a verbatim copy of the earlier state machine
 * ({@link Reference}), for random states, measures, rules and times, with every statistical input present.
 */
class ThresholdModeUnchangedProperties {

  @Property(tries = 3000)
  void thresholdModeDecidesAsTheEarlierStateMachine(@ForAll("states") CategoryState state,
      @ForAll("measures") CategoryMeasure measure, @ForAll("rules") SlipRules rules,
      @ForAll("times") long now, @ForAll("samples") Moments samples) {
    SlipPolicy policy = new SlipPolicy(Map.of(SkillCategory.SOFT, rules));
    SustainedRule.Track track = new SustainedRule.Track(now - 86_400_000L, 5);

    SlipPolicy.Judgement judgement = policy.judge(SkillCategory.SOFT, state, measure,
        new StatisticalMeasure(samples, samples), now, new SlipPolicy.Window(now, 86_400_000L, track));

    assertThat(judgement.decision()).isEqualTo(Reference.evaluate(state, measure, now, rules));
    assertThat(judgement.certainty()).isNull();
    assertThat(judgement.track()).isEqualTo(track);
  }

  /** The team-relative rule off (the default): whatever the team's distribution, the same decision and no team state. */
  @Property(tries = 1000)
  void theTeamRuleOffChangesNoDecision(@ForAll("states") CategoryState state,
      @ForAll("measures") CategoryMeasure measure, @ForAll("rules") SlipRules rules,
      @ForAll("times") long now, @ForAll("samples") Moments samples) {
    SlipPolicy policy = new SlipPolicy(Map.of(SkillCategory.SOFT, rules), null, SustainedRule.ONCE, TeamRelativeRule.OFF);
    com.coachstream.streams.team.TeamHistogram team = new com.coachstream.streams.team.TeamHistogram();
    for (int i = 0; i < 8; i++) {
      team.add(com.coachstream.streams.team.TeamHistogram.bucket(100 - i * 3));
    }
    SustainedRule.Track track = new SustainedRule.Track(now - 86_400_000L, 5);

    SlipPolicy.Judgement judgement = policy.judge(SkillCategory.SOFT, state, measure,
        new StatisticalMeasure(samples, samples), now, new SlipPolicy.Window(now, 86_400_000L, track),
        new SlipPolicy.Team(team, track));

    assertThat(judgement.decision()).isEqualTo(Reference.evaluate(state, measure, now, rules));
    assertThat(judgement.teamPercentile()).isNull();
    assertThat(judgement.teamTrack()).isEqualTo(SustainedRule.Track.NONE);
  }

  @Provide
  Arbitrary<CategoryState> states() {
    return Combinators.combine(Arbitraries.of(true, false),
        Arbitraries.oneOf(Arbitraries.just(CategoryState.NEVER), Arbitraries.longs().between(0, 40 * 86_400_000L)))
        .as(CategoryState::new);
  }

  @Provide
  Arbitrary<CategoryMeasure> measures() {
    Arbitrary<Double> score = Arbitraries.oneOf(Arbitraries.doubles().between(0, 100),
        Arbitraries.of(60.0, 67.0, 70.0, 73.0, 75.0, 80.0, 85.0), Arbitraries.just(Double.NaN));
    Arbitrary<Double> baseline = Arbitraries.oneOf(Arbitraries.doubles().between(0, 100).map(d -> (Double) d),
        Arbitraries.of(80.0, 85.0, 90.0), Arbitraries.just((Double) null));
    return Combinators.combine(score, Arbitraries.integers().between(0, 30), baseline, Arbitraries.integers().between(0, 60))
        .as(CategoryMeasure::new);
  }

  @Provide
  Arbitrary<SlipRules> rules() {
    return Combinators.combine(Arbitraries.of(60.0, 70.0, 75.0), Arbitraries.of(0.0, 5.0, 10.0),
        Arbitraries.integers().between(1, 8), Arbitraries.integers().between(1, 20), Arbitraries.of(0.0, 3.0, 5.0),
        Arbitraries.of(Duration.ZERO, Duration.ofHours(24), Duration.ofDays(3)))
        .as(SlipRules::new);
  }

  @Provide
  Arbitrary<Long> times() {
    return Arbitraries.longs().between(0, 50 * 86_400_000L);
  }

  @Provide
  Arbitrary<Moments> samples() {
    return Arbitraries.doubles().between(0, 100).list().ofMaxSize(12).map(xs -> {
      Moments m = new Moments();
      xs.forEach(x -> m.sample(x, 1, 1));
      return m;
    });
  }

  /** The slip state machine as it was before this work, copied verbatim (threshold mode's contract). */
  static final class Reference {

    static SlipDecision evaluate(CategoryState state, CategoryMeasure m, long eventTime, SlipRules rules) {
      if (!state.slipping()) {
        AlertReason reason = slipReason(m, rules);
        if (reason == null || inCooldown(state, eventTime, rules)) {
          return SlipDecision.quiet(state);
        }
        return new SlipDecision(new CategoryState(true, eventTime), AlertType.SLIP, reason);
      }
      if (recovered(m, rules)) {
        return new SlipDecision(new CategoryState(false, state.lastSlipAt()), AlertType.RECOVERY, AlertReason.RECOVERED);
      }
      return SlipDecision.quiet(state);
    }

    static AlertReason slipReason(CategoryMeasure m, SlipRules rules) {
      if (m.samples() < rules.minSamples()) {
        return null;
      }
      boolean belowFloor = m.score() < rules.floor();
      boolean dropped = usableBaseline(m, rules) && m.score() <= m.baseline() - rules.maxDrop();
      if (belowFloor && dropped) {
        return AlertReason.BOTH;
      }
      if (belowFloor) {
        return AlertReason.BELOW_FLOOR;
      }
      return dropped ? AlertReason.DROP_FROM_BASELINE : null;
    }

    static boolean recovered(CategoryMeasure m, SlipRules rules) {
      return m.samples() >= rules.minSamples()
          && m.score() >= rules.floor() + rules.hysteresis()
          && (!usableBaseline(m, rules) || m.score() >= m.baseline() - rules.maxDrop() + rules.hysteresis());
    }

    private static boolean usableBaseline(CategoryMeasure m, SlipRules rules) {
      return m.baseline() != null && m.baselineSamples() >= rules.minBaselineSamples();
    }

    private static boolean inCooldown(CategoryState state, long eventTime, SlipRules rules) {
      return state.lastSlipAt() != CategoryState.NEVER && eventTime - state.lastSlipAt() < rules.cooldown().toMillis();
    }
  }
}
