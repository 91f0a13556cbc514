package com.coachstream.streams.slip;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.AlertReason;
import com.coachstream.avro.AlertType;
import com.coachstream.avro.SkillCategory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnoozesTest {

  private static final CategoryState OK = new CategoryState(false, 100);
  private static final SlipDecision SLIP = new SlipDecision(new CategoryState(true, 500), AlertType.SLIP, AlertReason.BELOW_FLOOR);
  private final Snoozes snoozes = new Snoozes(Map.of(SkillCategory.SOFT, 1_000L));

  @Test
  void aSnoozedSlipIsHeldBackAndLeavesTheStateAsItWas() {
    SlipDecision held = snoozes.apply(SkillCategory.SOFT, OK, SLIP, 999);
    assertThat(held.alerts()).isFalse();
    assertThat(held.next()).isEqualTo(OK);
  }

  @Test
  void theSnoozeEndsAtUntil() {
    assertThat(snoozes.apply(SkillCategory.SOFT, OK, SLIP, 1_000)).isEqualTo(SLIP);
    assertThat(snoozes.holds(SkillCategory.SOFT, 999)).isTrue();
    assertThat(snoozes.holds(SkillCategory.SOFT, 1_000)).isFalse();
  }

  @Test
  void otherCategoriesRecoveriesAndQuietDecisionsPass() {
    assertThat(snoozes.apply(SkillCategory.HARD, OK, SLIP, 0)).isEqualTo(SLIP);
    SlipDecision recovery = new SlipDecision(new CategoryState(false, 100), AlertType.RECOVERY, AlertReason.RECOVERED);
    assertThat(snoozes.apply(SkillCategory.SOFT, new CategoryState(true, 100), recovery, 0)).isEqualTo(recovery);
    SlipDecision quiet = SlipDecision.quiet(OK);
    assertThat(snoozes.apply(SkillCategory.SOFT, OK, quiet, 0)).isEqualTo(quiet);
    assertThat(Snoozes.NONE.apply(SkillCategory.SOFT, OK, SLIP, 0)).isEqualTo(SLIP);
  }
}
