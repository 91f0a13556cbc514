package com.coachstream.streams.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.SkillCategory;
import com.coachstream.common.config.Settings;
import com.coachstream.streams.slip.AlertMode;
import com.coachstream.streams.slip.SlipPolicy;
import com.coachstream.streams.slip.SlipRules;
import com.coachstream.streams.topology.StreamsSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleBookTest {

  private final RuleBook book = new RuleBook(Settings.of(Map.of("slip.hard.floor", "65", "slip.hysteresis", "2")),
      StreamsSettings::slipPolicy);

  private static RuleVersion version(String team, long version, Map<String, String> settings) {
    return new RuleVersion(team, version, settings, "qa", 0, null);
  }

  @Test
  void withoutRuleSetsTheConfigurationDecidesUnderTheNameDefaults() {
    EffectiveRules rules = book.effective("blue", null, null);
    assertThat(rules.name()).isEqualTo("defaults");
    assertThat(rules.settings()).isEmpty();
    assertThat(rules.policy().rules(SkillCategory.HARD).floor()).isEqualTo(65);
    assertThat(rules.policy().rules(SkillCategory.SOFT)).isEqualTo(new SlipRules(70, 10, 5, 10, 2, Duration.ofHours(24)));
  }

  @Test
  void theConfigurationsDefaultsAreExactlyThoseOfAnEmptyConfiguration() {
    RuleBook plain = new RuleBook(Settings.of(Map.of()), StreamsSettings::slipPolicy);
    SlipPolicy policy = plain.defaults().policy();
    for (SkillCategory category : SkillCategory.values()) {
      assertThat(policy.rules(category)).isEqualTo(SlipRules.DEFAULTS);
    }
    assertThat(policy.mode()).isEqualTo(AlertMode.THRESHOLD);
    assertThat(policy.sustain().isOnce()).isTrue();
  }

  @Test
  void aTeamsRulesLieOverEveryTeamsOverTheConfiguration() {
    EffectiveRules rules = book.effective("blue", version("blue", 3, Map.of("slip.floor", "80")),
        version("*", 2, Map.of("slip.floor", "75", "slip.max-drop", "6", "slip.sustain", "2/3")));
    assertThat(rules.name()).isEqualTo("blue@3,*@2");
    // the team's general floor replaces the configuration's hard floor too
    assertThat(rules.policy().rules(SkillCategory.HARD)).isEqualTo(new SlipRules(80, 6, 5, 10, 2, Duration.ofHours(24)));
    assertThat(rules.policy().rules(SkillCategory.SOFT).floor()).isEqualTo(80);
    assertThat(rules.policy().sustain().required()).isEqualTo(2);
    assertThat(rules.settings()).containsExactlyInAnyOrderEntriesOf(
        Map.of("slip.floor", "80", "slip.max-drop", "6", "slip.sustain", "2/3"));
  }

  @Test
  void eachLayerAloneIsNamedByItsOwnVersion() {
    assertThat(book.effective("blue", version("blue", 1, Map.of()), null).name()).isEqualTo("blue@1");
    assertThat(book.effective("blue", null, version("*", 7, Map.of())).name()).isEqualTo("*@7");
    assertThat(book.effective(null, null, version("*", 7, Map.of("slip.floor", "71"))).policy()
        .rules(SkillCategory.SOFT).floor()).isEqualTo(71);
  }

  @Test
  void theSameVersionsGiveTheSamePolicyAndANewVersionANewOne() {
    RuleVersion v1 = version("blue", 1, Map.of("slip.floor", "80"));
    EffectiveRules first = book.effective("blue", v1, null);
    assertThat(book.effective("blue", v1, null)).isSameAs(first);
    EffectiveRules second = book.effective("blue", version("blue", 2, Map.of("slip.floor", "85")), null);
    assertThat(second).isNotSameAs(first);
    assertThat(second.policy().rules(SkillCategory.SOFT).floor()).isEqualTo(85);
    // a change of every team's rules changes the team's policy too
    EffectiveRules third = book.effective("blue", version("blue", 2, Map.of("slip.floor", "85")),
        version("*", 1, Map.of("slip.min-samples", "3")));
    assertThat(third.policy().rules(SkillCategory.SOFT).minSamples()).isEqualTo(3);
  }

  @Test
  void theSameVersionReadAgainAsANewObjectKeepsItsPolicyAndDroppingALayerChangesIt() {
    EffectiveRules first = book.effective("blue", version("blue", 1, Map.of("slip.floor", "80")),
        version("*", 1, Map.of("slip.min-samples", "3")));
    RuleVersion reread = version("blue", 1, Map.of("slip.floor", "80"));
    RuleVersion everyTeamReread = version("*", 1, Map.of("slip.min-samples", "3"));

    assertThat(book.effective("blue", reread, everyTeamReread)).isSameAs(first);
    assertThat(book.effective("blue", reread, everyTeamReread)).isSameAs(first);
    EffectiveRules withoutEveryTeams = book.effective("blue", reread, null);
    assertThat(withoutEveryTeams.name()).isEqualTo("blue@1");
    assertThat(withoutEveryTeams.policy().rules(SkillCategory.SOFT).minSamples()).isNotEqualTo(3);
    assertThat(book.effective("blue", null, null).name()).isEqualTo("defaults");
  }

  @Test
  void validRuleSetsHaveNoProblems() {
    assertThat(book.problems("blue", Map.of("slip.floor", "80", "slip.soft.cooldown", "12h", "slip.sustain", "2/3",
        "slip.confidence", "0.9", "slip.true-drop", "5", "slip.hard.min-samples", "3"))).isEmpty();
    assertThat(book.problems("*", Map.of())).isEmpty();
  }

  @Test
  void anUnknownKeyIsNamedWithTheClosestRuleSetting() {
    assertThat(book.problems("blue", Map.of("slip.flor", "80")))
        .containsExactly("`slip.flor` (rules of blue) is not a rule setting; did you mean `slip.floor`?");
    assertThat(book.problems("*", Map.of("slip.sotf.floor", "80")))
        .containsExactly("`slip.sotf.floor` (rules of every team (*)) is not a rule setting; did you mean `slip.soft.floor`?");
    assertThat(book.problems("blue", Map.of("colour", "red")))
        .containsExactly("`colour` (rules of blue) is not a rule setting; rule settings are the slip.* settings of docs/configuration.md");
  }

  @Test
  void settingsThatAreNotPerTeamAreRefusedWithTheReason() {
    assertThat(book.problems("blue", Map.of("alert.mode", "statistical", "window.size", "3d"))).containsExactly(
        "`alert.mode` (rules of blue) is not a rule setting; it applies to every team alike and is set in the streams processor's configuration",
        "`window.size` (rules of blue) is not a rule setting; it applies to every team alike and is set in the streams processor's configuration");
  }

  @Test
  void aWrongValueIsReportedAsTheConfigurationReportsIt() {
    assertThat(book.problems("blue", Map.of("slip.floor", "high"))).singleElement()
        .satisfies(p -> assertThat(p).contains("slip.floor", "high"));
    assertThat(book.problems("blue", Map.of("slip.floor", "120"))).singleElement()
        .satisfies(p -> assertThat(p).contains("slip.floor", "0-100"));
    assertThat(book.problems("blue", Map.of("slip.sustain", "3/2"))).singleElement()
        .satisfies(p -> assertThat(p).contains("slip.sustain", "3/2"));
    assertThat(book.problems("blue", Map.of("slip.confidence", "1.5"))).singleElement()
        .satisfies(p -> assertThat(p).contains("slip.confidence", "1.5"));
    assertThat(book.problems("blue", Map.of("slip.max-drop", "-1"))).singleElement()
        .satisfies(p -> assertThat(p).contains("rules of blue", "max-drop"));
    assertThat(book.problems("blue", Map.of("slip.cooldown", "soon"))).singleElement()
        .satisfies(p -> assertThat(p).contains("slip.cooldown", "soon"));
  }

  @Test
  void aRuleSetNeedsATeam() {
    assertThat(book.problems(" ", Map.of())).contains("A rule set needs a team id, or * for every team");
  }
}
