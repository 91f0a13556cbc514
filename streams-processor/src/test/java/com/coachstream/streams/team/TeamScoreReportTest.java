package com.coachstream.streams.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.SkillCategory;
import com.coachstream.streams.scoring.AgentState;
import com.coachstream.streams.scoring.ScorableEvent;
import com.coachstream.streams.scoring.Observation;
import com.coachstream.streams.scoring.Slice;
import com.coachstream.streams.scoring.InteractionKpi;
import com.coachstream.streams.scoring.WindowView;
import com.coachstream.streams.slip.SlipPolicy;
import com.coachstream.streams.slip.SlipRules;
import com.coachstream.streams.slip.SustainedRule;
import com.coachstream.streams.slip.TeamRelativeRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TeamScoreReportTest {

  private static final SlipPolicy ON = new SlipPolicy(Map.of(), null, SustainedRule.ONCE, new TeamRelativeRule(20, 5));

  /** A window with {@code soft} interactions scoring 60 on empathy and {@code hard} scoring 90 on accuracy. */
  private static WindowView window(int soft, int hard) {
    Slice slice = new Slice();
    for (int i = 0; i < soft + hard; i++) {
      boolean isSoft = i < soft;
      List<Observation> observations = new ArrayList<>(List.of(new Observation(isSoft ? "empathy" : "accuracy",
          isSoft ? SkillCategory.SOFT : SkillCategory.HARD, isSoft ? 60 : 90, 1, 1_000 + i, "i" + i)));
      slice.addInteraction(new ScorableEvent.Interaction("i" + i, "a", "t", 1_000 + i, observations,
          new InteractionKpi(null, null, 60, null)));
    }
    TreeMap<Long, Slice> slices = new TreeMap<>();
    slices.put(0L, slice);
    return WindowView.of(slices);
  }

  @Test
  void sendsOnlyCategoriesWithMinSamples() {
    AgentState state = new AgentState();
    List<MemberScores> sent = new TeamScoreReport().of(ON, state, "a", "t", 7L, window(5, 4));

    assertThat(sent).singleElement().satisfies(s -> {
      assertThat(s.teamId()).isEqualTo("t");
      assertThat(s.windowStart()).isEqualTo(7L);
      assertThat(s.scores()).containsExactly(Map.entry(SkillCategory.SOFT, 60.0));
      assertThat(s.left()).isFalse();
    });
    assertThat(state.scoredTeam()).isEqualTo("t");
  }

  @Test
  void aTeamChangeFirstLeavesTheOldTeam() {
    AgentState state = new AgentState();
    TeamScoreReport report = new TeamScoreReport();
    report.of(ON, state, "a", "t", 7L, window(5, 5));
    List<MemberScores> sent = report.of(ON, state, "a", "u", 7L, window(5, 5));

    assertThat(sent).hasSize(2);
    assertThat(sent.get(0)).isEqualTo(MemberScores.left("a", "t"));
    assertThat(sent.get(1).teamId()).isEqualTo("u");
    assertThat(state.scoredTeam()).isEqualTo("u");
  }

  @Test
  void nothingWhenTheRuleIsOffOrTheAgentHasNoTeam() {
    AgentState state = new AgentState();
    assertThat(new TeamScoreReport().of(new SlipPolicy(Map.of(SkillCategory.SOFT, SlipRules.DEFAULTS)), state, "a", "t", 7L, window(5, 5))).isEmpty();
    assertThat(new TeamScoreReport().of(ON, state, "a", null, 7L, window(5, 5))).isEmpty();
    assertThat(state.scoredTeam()).isNull();
  }
}
