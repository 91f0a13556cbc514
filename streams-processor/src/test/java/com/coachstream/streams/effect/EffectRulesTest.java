package com.coachstream.streams.effect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.coachstream.avro.EffectStatus;
import com.coachstream.avro.SkillCategory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EffectRulesTest {

  private static final long DAY = Duration.ofDays(1).toMillis();
  /** A day boundary; sessions are held at 09:00 on day 20. */
  private static final long D0 = 20_000 * DAY;
  private static final long S = D0 + 20 * DAY + Duration.ofHours(9).toMillis();
  private static final long B = D0 + 20 * DAY;
  private static final EffectRules RULES = new EffectRules(Duration.ofDays(14), Duration.ofDays(1), Duration.ofHours(48),
      category -> category == SkillCategory.SOFT ? 5 : 3);
  private static final Session SESSION = new Session("s1", "coached", "t1", "coach", SkillCategory.SOFT, S);
  private static final long OPEN = S + DAY;
  private static final long CLOSED = S + 16 * DAY + 1;

  private final Map<String, SortedMap<Long, CategorySums>> team = new HashMap<>();

  /** One sample a day of one skill at {@code before} for 14 days before B, {@code after} for 14 days from B. */
  private void agent(String id, double before, double after) {
    for (int d = 0; d < 14; d++) {
      day(id, B - (d + 1) * DAY, "empathy", before, 1);
      day(id, B + d * DAY, "empathy", after, 1);
    }
  }

  private void day(String agent, long day, String skill, double score, int samples) {
    CategorySums sums = CategorySums.of(samples, Map.of(skill, new CategorySums.SkillSums(score * samples, samples)));
    team.computeIfAbsent(agent, a -> new TreeMap<>()).merge(day, sums, CategorySums::plus);
  }

  @Test
  void effectIsTheCoachedChangeMinusTheComparisonGroupsMeanChange() {
    agent("coached", 60, 73);   // +13
    agent("a", 70, 75);         // +5
    agent("b", 50, 57);         // +7
    EffectMeasurement m = RULES.measure(SESSION, team, Set.of(), CLOSED);
    assertThat(m.before()).isEqualTo(new MeasuredPeriod(60.0, 14));
    assertThat(m.after()).isEqualTo(new MeasuredPeriod(73.0, 14));
    assertThat(m.change()).isCloseTo(13, within(1e-9));
    assertThat(m.comparisonChange()).isCloseTo(6, within(1e-9));
    assertThat(m.comparisonAgents()).isEqualTo(2);
    assertThat(m.effect()).isCloseTo(7, within(1e-9));
    assertThat(m.status()).isEqualTo(EffectStatus.FINAL);
    assertThat(m.closed()).isTrue();
  }

  @Test
  void aDriftOfTheWholeTeamIsCancelled() {
    agent("coached", 60, 65);
    agent("a", 70, 75);
    EffectMeasurement m = RULES.measure(SESSION, team, Set.of(), CLOSED);
    assertThat(m.change()).isCloseTo(5, within(1e-9));
    assertThat(m.effect()).isCloseTo(0, within(1e-9));
  }

  @Test
  void periodScoreIsTheMeanOfSkillWeightedMeansAndSamplesAreDistinctSources() {
    // two skills: empathy weighted mean (80*3 + 60*1) / 4 = 75, listening 55: category (75 + 55) / 2 = 65
    team.computeIfAbsent("coached", a -> new TreeMap<>()).put(B - DAY, CategorySums.of(4, Map.of(
        "empathy", new CategorySums.SkillSums(80 * 3 + 60, 4), "listening", new CategorySums.SkillSums(55 * 2, 2))));
    EffectMeasurement m = RULES.measure(SESSION, team, Set.of(), OPEN);
    assertThat(m.before()).isEqualTo(new MeasuredPeriod(65.0, 4));
    assertThat(m.after()).isEqualTo(new MeasuredPeriod(null, 0));
    assertThat(m.change()).isNull();
  }

  @Test
  void periodsAreWholeDaysAroundTheSessionsDayAndIgnoreOtherDays() {
    day("coached", B - 14 * DAY, "empathy", 60, 5);    // first day before
    day("coached", B - 15 * DAY, "empathy", 0, 100);   // outside
    day("coached", B, "empathy", 70, 5);               // the session's day is after
    day("coached", B + 13 * DAY, "empathy", 80, 5);    // last day after
    day("coached", B + 14 * DAY, "empathy", 0, 100);   // outside
    EffectMeasurement m = RULES.measure(SESSION, team, Set.of(), OPEN);
    assertThat(m.before()).isEqualTo(new MeasuredPeriod(60.0, 5));
    assertThat(m.after()).isEqualTo(new MeasuredPeriod(75.0, 10));
    assertThat(RULES.firstDay(SESSION)).isEqualTo(B - 14 * DAY);
    assertThat(RULES.endOfDays(SESSION)).isEqualTo(B + 14 * DAY);
  }

  @Test
  void comparisonAgentsNeedMinSamplesInBothPeriodsAndNoSessionNearby() {
    agent("coached", 60, 70);
    agent("a", 70, 72);
    agent("coachedToo", 50, 90);               // left out: coached in the category nearby
    day("thin", B - DAY, "empathy", 10, 4);    // 4 < 5 samples before
    day("thin", B, "empathy", 90, 20);
    day("onlyBefore", B - DAY, "empathy", 10, 20);
    EffectMeasurement m = RULES.measure(SESSION, team, Set.of("coachedToo"), CLOSED);
    assertThat(m.comparisonAgents()).isEqualTo(1);
    assertThat(m.comparisonChange()).isCloseTo(2, within(1e-9));
    assertThat(m.effect()).isCloseTo(8, within(1e-9));
  }

  @Test
  void minSamplesIsTheCategorysOwn() {
    Session hard = new Session("s2", "coached", "t1", "coach", SkillCategory.HARD, S);
    day("coached", B - DAY, "product-knowledge", 60, 3);
    day("coached", B, "product-knowledge", 70, 3);
    day("a", B - DAY, "product-knowledge", 60, 3);
    day("a", B, "product-knowledge", 61, 3);
    EffectMeasurement m = RULES.measure(hard, team, Set.of(), CLOSED);
    assertThat(m.status()).isEqualTo(EffectStatus.FINAL);
    assertThat(m.effect()).isCloseTo(9, within(1e-9));
  }

  @Test
  void coachedNearbyAreSessionsOfTheCategoryWithinTheWindowEitherSide() {
    List<Session> sessions = List.of(
        SESSION,
        new Session("x1", "early", "t1", "c", SkillCategory.SOFT, S - 14 * DAY),         // at S - W: in
        new Session("x2", "tooEarly", "t1", "c", SkillCategory.SOFT, S - 14 * DAY - 1),  // out
        new Session("x3", "late", "t1", "c", SkillCategory.SOFT, S + 14 * DAY - 1),      // in
        new Session("x4", "tooLate", "t1", "c", SkillCategory.SOFT, S + 14 * DAY),       // out
        new Session("x5", "otherCategory", "t1", "c", SkillCategory.HARD, S));
    assertThat(RULES.coachedNearby(SESSION, sessions)).containsExactly("coached", "early", "late");
  }

  @Test
  void pendingUntilTheTeamPassesSessionPlusWindowPlusGrace() {
    agent("coached", 60, 70);
    agent("a", 70, 72);
    long closes = S + 14 * DAY + Duration.ofHours(48).toMillis();
    assertThat(RULES.closesAfter(SESSION)).isEqualTo(closes);
    EffectMeasurement pending = RULES.measure(SESSION, team, Set.of(), closes);
    assertThat(pending.status()).isEqualTo(EffectStatus.PENDING);
    assertThat(pending.closed()).isFalse();
    assertThat(pending.effect()).isCloseTo(8, within(1e-9));
    assertThat(RULES.measure(SESSION, team, Set.of(), closes + 1).status()).isEqualTo(EffectStatus.FINAL);
  }

  @Test
  void tooFewSamplesOfTheCoachedAgentIsInsufficientDataWithoutAnEffect() {
    day("coached", B - DAY, "empathy", 60, 4);
    day("coached", B, "empathy", 80, 10);
    agent("a", 70, 72);
    EffectMeasurement pending = RULES.measure(SESSION, team, Set.of(), OPEN);
    assertThat(pending.status()).isEqualTo(EffectStatus.PENDING);
    assertThat(pending.effect()).isNull();
    EffectMeasurement closed = RULES.measure(SESSION, team, Set.of(), CLOSED);
    assertThat(closed.status()).isEqualTo(EffectStatus.INSUFFICIENT_DATA);
    assertThat(closed.effect()).isNull();
    assertThat(closed.change()).isCloseTo(20, within(1e-9));
    assertThat(closed.closed()).isTrue();
  }

  @Test
  void tooFewSamplesAfterIsInsufficientData() {
    day("coached", B - DAY, "empathy", 60, 10);
    day("coached", B, "empathy", 80, 4);
    agent("a", 70, 72);
    assertThat(RULES.measure(SESSION, team, Set.of(), CLOSED).status()).isEqualTo(EffectStatus.INSUFFICIENT_DATA);
  }

  @Test
  void noComparisonAgentIsInsufficientData() {
    agent("coached", 60, 70);
    agent("other", 60, 70);
    EffectMeasurement m = RULES.measure(SESSION, team, Set.of("other"), CLOSED);
    assertThat(m.comparisonAgents()).isZero();
    assertThat(m.comparisonChange()).isNull();
    assertThat(m.effect()).isNull();
    assertThat(m.status()).isEqualTo(EffectStatus.INSUFFICIENT_DATA);
  }

  @Test
  void noDataAtAllIsInsufficientData() {
    EffectMeasurement m = RULES.measure(SESSION, Map.of(), Set.of(), CLOSED);
    assertThat(m.before()).isEqualTo(new MeasuredPeriod(null, 0));
    assertThat(m.status()).isEqualTo(EffectStatus.INSUFFICIENT_DATA);
  }

  @Test
  void theWindowMustBeWholeDays() {
    assertThatThrownBy(() -> new EffectRules(Duration.ofHours(36), Duration.ofDays(1), Duration.ZERO, c -> 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("effect.window");
    assertThatThrownBy(() -> new EffectRules(Duration.ZERO, Duration.ofDays(1), Duration.ZERO, c -> 5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void categorySumsAddSkillBySkill() {
    CategorySums a = CategorySums.of(2, Map.of("empathy", new CategorySums.SkillSums(160, 2)));
    CategorySums b = CategorySums.of(1, Map.of("empathy", new CategorySums.SkillSums(50, 1),
        "listening", new CategorySums.SkillSums(0, 0)));
    CategorySums sum = CategorySums.sum(List.of(a, b));
    assertThat(sum.samples()).isEqualTo(3);
    assertThat(sum.skills().get("empathy")).isEqualTo(new CategorySums.SkillSums(210, 3));
    assertThat(sum.score()).isCloseTo(70, within(1e-9)); // a skill with no weight does not count
    assertThat(CategorySums.EMPTY.score()).isNull();
    assertThat(CategorySums.EMPTY.isEmpty()).isTrue();
  }
}
