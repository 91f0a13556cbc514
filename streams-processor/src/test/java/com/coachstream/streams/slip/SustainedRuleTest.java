package com.coachstream.streams.slip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SustainedRuleTest {

  private static final long DAY = 86_400_000L;

  @Test
  void parsesXOverY() {
    assertThat(SustainedRule.parse(" 2/3 ")).isEqualTo(new SustainedRule(2, 3));
    assertThat(SustainedRule.parse("1/1").isOnce()).isTrue();
    for (String bad : new String[] {"3/2", "0/1", "2", "a/b", "1/65"}) {
      assertThatThrownBy(() -> SustainedRule.parse(bad)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("slip.sustain");
    }
  }

  @Test
  void countsTheWindowsTheConditionHeldIn() {
    SustainedRule twoOfThree = new SustainedRule(2, 3);
    SustainedRule.Track t = SustainedRule.record(SustainedRule.Track.NONE, 10 * DAY, DAY, true);
    assertThat(twoOfThree.sustained(t)).isFalse();
    t = SustainedRule.record(t, 11 * DAY, DAY, false);
    assertThat(twoOfThree.sustained(t)).isFalse();
    t = SustainedRule.record(t, 12 * DAY, DAY, true);
    assertThat(twoOfThree.sustained(t)).isTrue();
    t = SustainedRule.record(t, 13 * DAY, DAY, true);
    assertThat(twoOfThree.sustained(t)).isTrue();
    t = SustainedRule.record(t, 14 * DAY, DAY, false);
    t = SustainedRule.record(t, 15 * DAY, DAY, false);
    assertThat(twoOfThree.sustained(t)).isFalse();
  }

  @Test
  void theLastEvaluationInAWindowDecidesIt() {
    SustainedRule.Track t = SustainedRule.record(SustainedRule.Track.NONE, 10 * DAY, DAY, true);
    t = SustainedRule.record(t, 10 * DAY, DAY, false);
    assertThat(t.held()).isZero();
  }

  @Test
  void windowsWithoutEventsCountAsNotHeldAndOldOnesFallOff() {
    SustainedRule.Track t = SustainedRule.record(SustainedRule.Track.NONE, 0, DAY, true);
    t = SustainedRule.record(t, 2 * DAY, DAY, true);
    assertThat(t.held()).isEqualTo(0b101);
    assertThat(new SustainedRule(2, 3).sustained(t)).isTrue();
    assertThat(new SustainedRule(2, 2).sustained(t)).isFalse();
    assertThat(SustainedRule.record(t, 100 * DAY, DAY, false).held()).isZero();
  }

  @Test
  void anOlderWindowNeverRewritesTheTrack() {
    SustainedRule.Track t = SustainedRule.record(SustainedRule.Track.NONE, 5 * DAY, DAY, true);
    assertThat(SustainedRule.record(t, 4 * DAY, DAY, false)).isEqualTo(t);
  }

  @Test
  void sixtyFourWindowsUseTheWholeTrack() {
    SustainedRule.Track t = new SustainedRule.Track(0, -1L);
    assertThat(new SustainedRule(64, 64).sustained(t)).isTrue();
  }
}
