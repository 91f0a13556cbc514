package com.coachstream.producer.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.coachstream.avro.ActionType;
import com.coachstream.avro.AlertReason;
import com.coachstream.avro.AlertType;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.DismissReason;
import com.coachstream.avro.SkillCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoachingPlanTest {

  private static final Instant END = Instant.parse("2026-03-01T00:00:00Z");
  private static final SimulationConfig CONFIG = SimulationConfig.builder().seed(3).agents(20).teams(2).days(38)
      .slipFraction(0.2).end(END).coaching(CoachingPlan.standard()).build();
  private final ContactCenter center = ContactCenter.generate(CONFIG);

  @Test
  void eachTeamCoachesItsLowestSteadyAgentsEveryOtherOneWithTheLift() {
    List<CoachingPlan.Session> sessions = center.sessions();
    assertThat(sessions).hasSize(8); // 40 % of 10 per team
    for (Team team : center.teams()) {
      List<SimulatedAgent> lowest = center.agents().stream().filter(a -> a.team().equals(team))
          .filter(SimulatedAgent::steady).sorted(Comparator.comparingDouble(SimulatedAgent::softLevel)).limit(4).toList();
      List<CoachingPlan.Session> ofTeam = sessions.stream().filter(s -> s.agent().team().equals(team)).toList();
      assertThat(ofTeam).extracting(CoachingPlan.Session::agent).containsExactlyElementsOf(lowest);
      assertThat(ofTeam).extracting(CoachingPlan.Session::trueLift).containsExactly(8.0, 0.0, 8.0, 0.0);
    }
    Instant first = CONFIG.start().plus(Duration.ofDays(15)).plus(Duration.ofHours(6));
    assertThat(sessions).allSatisfy(s -> {
      assertThat(s.category()).isEqualTo(SkillCategory.SOFT);
      assertThat(s.at()).isBetween(first, first.plus(Duration.ofDays(2)));
    });
  }

  @Test
  void theSeasonDriftsEveryAgentByItsAmountPerWindowAndTheLiftStartsAtTheSession() {
    CoachingPlan.Session lifted = center.sessions().get(0);
    SimulatedAgent agent = lifted.agent();
    Instant middle = CONFIG.start().plus(Duration.ofDays(19));
    Instant later = middle.plus(Duration.ofDays(14));
    assertThat(center.level(agent, SkillCategory.HARD, middle)).isCloseTo(agent.level(SkillCategory.HARD, middle), within(1e-9));
    assertThat(center.level(agent, SkillCategory.HARD, later))
        .isCloseTo(agent.level(SkillCategory.HARD, later) + 5, within(1e-9));
    Instant before = lifted.at().minusMillis(1);
    double drift = 5 * Duration.between(middle, before).toMillis() / (double) Duration.ofDays(14).toMillis();
    assertThat(center.level(agent, SkillCategory.SOFT, before))
        .isCloseTo(agent.level(SkillCategory.SOFT, before) + drift, within(1e-6));
    assertThat(center.level(agent, SkillCategory.SOFT, lifted.at()) - agent.level(SkillCategory.SOFT, lifted.at()))
        .isCloseTo(drift + 8, within(1e-3));
  }

  @Test
  void withoutAPlanLevelsAreThePlannedOnes() {
    ContactCenter plain = ContactCenter.generate(SimulationConfig.builder().seed(3).agents(20).teams(2).days(38)
        .slipFraction(0.2).end(END).build());
    SimulatedAgent agent = plain.agents().get(0);
    assertThat(plain.sessions()).isEmpty();
    assertThat(plain.level(agent, SkillCategory.SOFT, END)).isEqualTo(agent.level(SkillCategory.SOFT, END));
  }

  @Test
  void theHistoryHoldsEachSessionsCoachedActionAtItsTimeAndTheTruthItsLift() {
    EventGenerator generator = new EventGenerator(CONFIG, center);
    List<SimulatedEvent> actions = new ArrayList<>();
    for (SimulatedEvent e = generator.next(); e != null; e = generator.next()) {
      if (e.event() instanceof CoachingAction) {
        actions.add(e);
      }
    }
    assertThat(actions).hasSize(8).allSatisfy(e -> {
      CoachingAction action = (CoachingAction) e.event();
      assertThat(action.getType()).isEqualTo(ActionType.COACHED);
      assertThat(action.getSessionAt()).isEqualTo(e.time());
      assertThat(action.getCoachId()).startsWith("sup-");
    });
    List<String> coachedLines = GroundTruth.of(center).lines().stream().filter(l -> l.contains("\"COACHED\"")).toList();
    assertThat(coachedLines).hasSize(8).allSatisfy(l -> assertThat(l).contains("\"trueLift\":", "\"sessionId\":\"coach-3-"));
  }

  @Test
  void supervisorsDismissFalseAlarmsAndAcknowledgeRealSlips() {
    GroundTruth truth = GroundTruth.of(center);
    SimulatedAgent slipping = truth.slipping().get(0);
    Slip slip = slipping.slips().get(0);
    SimulatedAgent steady = truth.steady().get(0);

    CoachingAction real = SupervisorActions.answer(alert(AlertType.SLIP, slipping, slip.category(), slip.at().plusSeconds(3600)), truth);
    assertThat(real.getType()).isEqualTo(ActionType.ACKNOWLEDGED);
    assertThat(real.getActorId()).isEqualTo(slipping.team().supervisorId());
    assertThat(real.getAt()).isEqualTo(slip.at().plusSeconds(3600).plus(SupervisorActions.RESPONSE_TIME));

    CoachingAction dismissed = SupervisorActions.answer(alert(AlertType.SLIP, steady, SkillCategory.SOFT, END), truth);
    assertThat(dismissed.getType()).isEqualTo(ActionType.DISMISSED);
    assertThat(dismissed.getReason()).isEqualTo(DismissReason.FALSE_ALARM);
    assertThat(dismissed.getAlertId()).isEqualTo("alert-" + steady.agentId());

    assertThat(SupervisorActions.answer(alert(AlertType.RECOVERY, slipping, slip.category(), END), truth)).isNull();
  }

  private static CoachingAlert alert(AlertType type, SimulatedAgent agent, SkillCategory category, Instant at) {
    return CoachingAlert.newBuilder().setAlertId("alert-" + agent.agentId()).setType(type).setAgentId(agent.agentId())
        .setCategory(category).setReason(type == AlertType.SLIP ? AlertReason.BELOW_FLOOR : AlertReason.RECOVERED)
        .setScore(60).setFloor(70).setSamples(10).setBaselineSamples(20).setWindowStart(at.minus(Duration.ofDays(7)))
        .setWindowEnd(at).setSourceId("int-1").setEventTime(at).setSkills(List.of()).setEvidence(List.of())
        .setFocus(List.of()).setCreatedAt(at).build();
  }
}
