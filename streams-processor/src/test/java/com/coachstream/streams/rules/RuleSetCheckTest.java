package com.coachstream.streams.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.common.config.Settings;
import com.coachstream.streams.topology.StreamsSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleSetCheckTest {

  private final RuleSetCheck check = new RuleSetCheck(new RuleBook(Settings.of(Map.of()), StreamsSettings::slipPolicy));

  private static RuleVersion version(String team, long version, Map<String, String> settings) {
    return new RuleVersion(team, version, settings, "qa", 0, null);
  }

  @Test
  void theFirstVersionAndEachHigherOneReplaceTheRulesInForce() {
    assertThat(check.problems("blue", version("blue", 1, Map.of("slip.floor", "80")), null)).isEmpty();
    assertThat(check.problems("blue", version("blue", 2, Map.of()), version("blue", 1, Map.of()))).isEmpty();
    assertThat(check.problems("*", version("*", 9, Map.of()), version("*", 3, Map.of()))).isEmpty();
  }

  @Test
  void anOlderOrEqualVersionIsStale() {
    assertThat(check.problems("blue", version("blue", 2, Map.of()), version("blue", 2, Map.of())))
        .containsExactly("Version 2 of the rules of blue is not above the version in force, 2");
    assertThat(check.problems("*", version("*", 1, Map.of()), version("*", 2, Map.of())))
        .containsExactly("Version 1 of the rules of every team (*) is not above the version in force, 2");
    assertThat(check.problems("blue", version("blue", 0, Map.of()), null))
        .containsExactly("A rule set's version starts at 1, was 0");
  }

  @Test
  void theKeyMustBeTheTeam() {
    assertThat(check.problems("green", version("blue", 1, Map.of()), null))
        .containsExactly("The record key must be the rule set's teamId 'blue', was 'green'");
    assertThat(check.problems(null, version("blue", 1, Map.of()), null))
        .containsExactly("The record key must be the rule set's teamId 'blue', was null");
  }

  @Test
  void everyProblemIsListed() {
    assertThat(check.problems("green", version("blue", 1, Map.of("slip.flor", "1")), version("blue", 4, Map.of())))
        .hasSize(3);
  }
}
