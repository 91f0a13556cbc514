package com.coachstream.notifier.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.notifier.EnrichedAlert;
import com.coachstream.notifier.TestAlerts;
import org.junit.jupiter.api.Test;

class AlertWordingTest {

  @Test
  void slipLogLineSaysWhoWhatScoresWorstSkillAndTip() {
    String line = AlertWording.logLine(TestAlerts.enriched("a-1"));
    assertThat(line).isEqualTo("SLIPPING  Dana Lee (agent-7) is slipping in soft skills: score 58.3 vs baseline 74.0,"
        + " floor 70.0 (9 samples), below the floor and dropped from baseline; worst empathy 52.0 (-18.0 vs baseline);"
        + " tip empathy: Name the customer's feeling before solving the problem. [team team-a, supervisor Sam Ray, alert a-1]");
  }

  @Test
  void recoveryReadsAsGoodNews() {
    var alert = new EnrichedAlert(TestAlerts.recovery("a-2", "agent-7", "team-a"), TestAlerts.agent("agent-7", "Dana Lee", "team-a"));
    assertThat(AlertWording.logLine(alert)).startsWith("RECOVERED Dana Lee (agent-7) has recovered in soft skills: score 79.0")
        .doesNotContain("tip");
    assertThat(AlertWording.title(alert)).startsWith("Good news");
  }

  @Test
  void unknownAgentIsNamedByIdAndLineHasNoEmail() {
    var alert = new EnrichedAlert(TestAlerts.slip("a-3", "agent-9", null), null);
    String line = AlertWording.logLine(alert);
    assertThat(line).contains("agent-9 (agent-9)").contains("[team -, alert a-3]").doesNotContain("@");
  }

  @Test
  void newlinesInEventTextCannotForgeLogLines() {
    var alert = new EnrichedAlert(TestAlerts.slip("a-4", "agent-7", "t"), TestAlerts.agent("agent-7", "Eve\nFAKE LINE", "t"));
    assertThat(AlertWording.logLine(alert)).doesNotContain("\n").contains("Eve FAKE LINE");
  }

  @Test
  void missingBaselineReadsNone() {
    var alert = TestAlerts.slip("a-5", "agent-7", "t");
    alert.setBaseline(null);
    assertThat(AlertWording.scoreLine(alert)).isEqualTo("score 58.3 vs baseline none, floor 70.0 (9 samples)");
  }

  @Test
  void aTeamRelativeSlipNamesTheTeamsPercentileInEveryChannel() {
    var slip = TestAlerts.slip("a-6", "agent-7", "team-a");
    slip.setReason(com.coachstream.avro.AlertReason.BELOW_TEAM_PERCENTILE);
    slip.setTeamPercentile(84.6);
    var alert = new EnrichedAlert(slip, TestAlerts.agent("agent-7", "Dana Lee", "team-a"));

    assertThat(AlertWording.reason(slip)).isEqualTo("below the team's percentile (84.6)");
    assertThat(AlertWording.logLine(alert)).contains("below the team's percentile (84.6)");
    slip.setTeamPercentile(null);
    assertThat(AlertWording.reason(slip)).isEqualTo("below the team's percentile");
  }
}
