package com.coachstream.streams.topology;

import static com.coachstream.streams.TestEvents.T0;
import static com.coachstream.streams.TestEvents.interaction;
import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.AlertReason;
import com.coachstream.avro.AlertType;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.SkillCategory;
import com.coachstream.streams.team.TeamHistogram;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/** {@code slip.team-percentile} through the production topology: scores to the team's task and back. */
class TeamRelativeRuleTopologyTest {

  private static final long DAY = Duration.ofDays(1).toMillis();
  /** Five steady members at 84-88 and a6 steady at 76: above the floor, never dropping from their baseline. */
  private static final Map<String, Double> MEMBERS = Map.of("a1", 84.0, "a2", 85.0, "a3", 86.0, "a4", 87.0,
      "a5", 88.0, "a6", 76.0);

  private static Map<String, String> settings(String... pairs) {
    Map<String, String> settings = new HashMap<>(Map.of("window.size", "1d"));
    for (int i = 0; i < pairs.length; i += 2) {
      settings.put(pairs[i], pairs[i + 1]);
    }
    return settings;
  }

  /** Each member's six interactions a day, members interleaved hour by hour, on team-a. */
  private static void play(TopologyFixture fixture, int fromDay, int toDay, Map<String, String> teams) {
    for (int day = fromDay; day < toDay; day++) {
      for (int n = 0; n < 6; n++) {
        Instant t = T0.plus(Duration.ofDays(day)).plusSeconds(3600L * (n + 1));
        for (String agent : MEMBERS.keySet().stream().sorted().toList()) {
          double score = MEMBERS.get(agent) + (n % 2 == 0 ? 1 : -1);
          InteractionEvent event = interaction("i" + agent + day + "-" + n, agent, t, Map.of("empathy", score));
          event.setTeamId(teams.getOrDefault(agent, "team-a"));
          fixture.interactions.pipeInput(agent, event);
        }
      }
    }
  }

  private static List<CoachingAlert> play(Map<String, String> settings, int days) {
    try (TopologyFixture fixture = new TopologyFixture(settings)) {
      play(fixture, 0, days, Map.of());
      return fixture.alerts.readValuesToList().stream().filter(a -> a.getCategory() == SkillCategory.SOFT).toList();
    }
  }

  @Test
  void anAgentBelowTheTeamsPercentileGetsASlipWithTheNewReasonAndThePercentile() {
    List<CoachingAlert> alerts = play(settings("slip.team-percentile", "20"), 3);

    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.getAgentId()).isEqualTo("a6");
      assertThat(a.getType()).isEqualTo(AlertType.SLIP);
      assertThat(a.getReason()).isEqualTo(AlertReason.BELOW_TEAM_PERCENTILE);
      // a1..a5 (84-88) and, once its own scores arrived, a6 (76): the 20th percentile lies between 76 and 88
      assertThat(a.getTeamPercentile()).isBetween(76.5, 88.0);
      assertThat(a.getScore()).isLessThan(a.getTeamPercentile());
      assertThat(a.getProbability()).isNull();
      assertThat(a.getWindowStart()).isEqualTo(T0);
    });
  }

  @Test
  void xOfYWindowsOfSlipSustainApplyToTheTeamRuleToo() {
    List<CoachingAlert> alerts = play(settings("slip.team-percentile", "20", "slip.sustain", "2/3"), 3);

    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.getReason()).isEqualTo(AlertReason.BELOW_TEAM_PERCENTILE);
      assertThat(a.getWindowStart()).isEqualTo(T0.plus(Duration.ofDays(1))); // the second window below
    });
  }

  @Test
  void noAlertWhenTheTeamIsSmallerThanTheMinimum() {
    assertThat(play(settings("slip.team-percentile", "20", "slip.team-min-size", "7"), 3)).isEmpty();
  }

  @Test
  void offByDefaultNothingIsSentToTheTeamsAndNoAlertIsRaised() {
    try (TopologyFixture fixture = new TopologyFixture(settings())) {
      play(fixture, 0, 3, Map.of());
      assertThat(fixture.alerts.readValuesToList()).isEmpty();
      assertThat(fixture.driver.producedTopicNames()).doesNotContain(fixture.topics.teamDistributions().name())
          .noneMatch(name -> name.contains(CoachingTopology.TEAM_SCORES_TOPIC));
    }
  }

  @Test
  void statisticalModeRaisesItWithItsProbability() {
    List<CoachingAlert> alerts = play(settings("slip.team-percentile", "20", "alert.mode", "statistical"), 3);

    assertThat(alerts).first().satisfies(a -> {
      assertThat(a.getAgentId()).isEqualTo("a6");
      assertThat(a.getReason()).isEqualTo(AlertReason.BELOW_TEAM_PERCENTILE);
      assertThat(a.getProbability()).isBetween(0.95, 1.0);
      assertThat(a.getTeamPercentile()).isNotNull();
    });
    assertThat(alerts).filteredOn(a -> a.getType() == AlertType.SLIP).hasSize(1);
  }

  @Test
  void aMemberWhoMovesToAnotherTeamLeavesTheOldTeamsDistributions() {
    try (TopologyFixture fixture = new TopologyFixture(settings("slip.team-percentile", "20"))) {
      play(fixture, 0, 2, Map.of());
      KeyValueStore<String, byte[]> global = fixture.driver.getKeyValueStore(CoachingTopology.TEAM_DISTRIBUTIONS_GLOBAL_STORE);
      String day1 = DistributionKeys.published("team-a", SkillCategory.SOFT, T0.toEpochMilli() + DAY);
      assertThat(TeamHistogram.decode(global.get(day1)).members()).isEqualTo(6);

      play(fixture, 2, 3, Map.of("a6", "team-b"));

      assertThat(TeamHistogram.decode(global.get(day1)).members()).isEqualTo(5);
      String day2 = DistributionKeys.published("team-a", SkillCategory.SOFT, T0.toEpochMilli() + 2 * DAY);
      assertThat(TeamHistogram.decode(global.get(day2)).members()).isEqualTo(5);
      String teamB = DistributionKeys.published("team-b", SkillCategory.SOFT, T0.toEpochMilli() + 2 * DAY);
      assertThat(TeamHistogram.decode(global.get(teamB)).members()).isEqualTo(1);
    }
  }
}
