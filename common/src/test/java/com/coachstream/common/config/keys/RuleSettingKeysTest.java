package com.coachstream.common.config.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleSettingKeysTest {

  @Test
  void theRuleSettingsAreTheSlipSettingsOfTheStreamsProcessor() {
    assertThat(RuleSettingKeys.all()).extracting(SettingKey::name).contains("slip.floor", "slip.max-drop",
        "slip.min-samples", "slip.min-baseline-samples", "slip.hysteresis", "slip.cooldown", "slip.<soft|hard>.floor",
        "slip.sustain", "slip.confidence", "slip.true-drop", "slip.sample-sd", "slip.prior-samples", "slip.drift-sd")
        .allMatch(name -> name.startsWith("slip."));
    assertThat(RuleSettingKeys.isRuleSetting("slip.hard.cooldown")).isTrue();
    assertThat(RuleSettingKeys.isRuleSetting("slip.medium.floor")).isFalse();
    assertThat(RuleSettingKeys.isRuleSetting("alert.mode")).isFalse();
  }

  @Test
  void eachKeyThatIsNoRuleSettingGetsOneLineInKeyOrder() {
    assertThat(RuleSettingKeys.problems(Map.of("slip.floor", "1", "zzz", "1", "slip.hystersis", "1", "tips.empathy", "x"), "rules of t"))
        .containsExactly(
            "`slip.hystersis` (rules of t) is not a rule setting; did you mean `slip.hysteresis`?",
            "`tips.empathy` (rules of t) is not a rule setting; it applies to every team alike and is set in the streams processor's configuration",
            "`zzz` (rules of t) is not a rule setting; rule settings are the slip.* settings of docs/configuration.md");
    assertThat(RuleSettingKeys.problems(Map.of(), "rules of t")).isEmpty();
  }
}
