package com.coachstream.producer.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.EvaluationPurpose;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.avro.SkillCategory;
import com.coachstream.producer.ingest.EventChecker;
import com.coachstream.schemas.skills.SkillTaxonomy;
import com.coachstream.schemas.validation.EventValidator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulated contact center looks like one, and its slips are deep and long enough to be detected. */
class SimulationTest {

  static final Instant END = Instant.parse("2026-03-02T12:00:00Z");
  static final SimulationConfig CONFIG = SimulationConfig.builder().seed(7).agents(30).teams(3).days(35).end(END).build();
  static List<SimulatedEvent> events;
  static SimulationResult result;

  static final class ListSink implements EventSink {
    final List<SimulatedEvent> events = new ArrayList<>();

    @Override
    public void accept(SimulatedEvent event) {
      events.add(event);
    }

    @Override
    public void close() { }
  }

  static List<SimulatedEvent> simulate(SimulationConfig config) throws Exception {
    ListSink sink = new ListSink();
    Simulation.run(config, sink, ProgressListener.NONE);
    return sink.events;
  }

  @BeforeAll
  static void run() throws Exception {
    ListSink sink = new ListSink();
    result = Simulation.run(CONFIG, sink, ProgressListener.NONE);
    events = sink.events;
  }

  <T> List<T> all(Class<T> type) {
    return events.stream().map(SimulatedEvent::event).filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void sameSeedSameEventsOtherSeedOtherEvents() throws Exception {
    assertThat(simulate(CONFIG)).isEqualTo(events);
    SimulationConfig other = SimulationConfig.builder().seed(8).agents(30).teams(3).days(35).end(END).build();
    assertThat(simulate(other)).isNotEqualTo(events);
  }

  @Test
  void rosterComesFirstWithSupervisors() {
    List<SpecificRecord> first = events.subList(0, 30).stream().map(SimulatedEvent::event).toList();
    assertThat(first).allMatch(AgentProfile.class::isInstance);
    assertThat(all(AgentProfile.class)).hasSize(30).allSatisfy(p -> {
      assertThat(p.getSupervisorId()).startsWith("sup-");
      assertThat(p.getSupervisorName()).isNotBlank();
    });
    assertThat(all(AgentProfile.class).stream().map(AgentProfile::getTeamId).distinct()).hasSize(3);
  }

  @Test
  void everyEventIsValidInEventTimeOrderAndNotAfterTheEnd() {
    EventChecker checker = new EventChecker(new EventValidator(SkillTaxonomy.defaults(), Clock.fixed(END, ZoneOffset.UTC)));
    Instant previous = Instant.MIN;
    for (SimulatedEvent event : events) {
      assertThat(checker.check(event.event()).violations()).as(event.toString()).isEmpty();
      assertThat(event.time()).isAfterOrEqualTo(previous).isBeforeOrEqualTo(END).isAfterOrEqualTo(CONFIG.start());
      previous = event.time();
    }
  }

  @Test
  void dailyVolumesFollowWorkingHours() {
    List<InteractionEvent> interactions = uniqueInteractions();
    double perAgentDay = interactions.size() / 30.0 / 35;
    // ~30 contacts per worked day; 5 of 7 days worked (plus some weekend shifts).
    assertThat(perAgentDay).isBetween(18.0, 28.0);
    Map<Integer, Long> byHour = interactions.stream()
        .collect(Collectors.groupingBy(i -> i.getEndedAt().atZone(ZoneOffset.UTC).getHour(), Collectors.counting()));
    assertThat(byHour.getOrDefault(3, 0L)).as("nobody works at 3 am").isZero();
    assertThat(byHour.keySet()).allMatch(h -> h >= 7 && h < 20);
    assertThat(interactions).allSatisfy(i -> assertThat(i.getSkillSignals()).hasSizeBetween(3, 4));
  }

  @Test
  void aSmallShareIsEvaluatedWithCalibrationsDuplicatesCorrectionsAndRetractions() {
    List<QaEvaluation> evaluations = all(QaEvaluation.class);
    Map<String, List<QaEvaluation>> byId = evaluations.stream().collect(Collectors.groupingBy(QaEvaluation::getEvaluationId));
    long standard = byId.values().stream().filter(v -> v.get(0).getPurpose() == EvaluationPurpose.STANDARD).count();
    double share = standard / (double) uniqueInteractions().size();
    assertThat(share).isBetween(0.03, 0.05);
    assertThat(evaluations).anyMatch(e -> e.getPurpose() == EvaluationPurpose.CALIBRATION);
    assertThat(evaluations).anyMatch(QaEvaluation::getRetracted);
    long corrections = byId.values().stream().filter(v -> v.stream().distinct().count() > 1
        && v.stream().noneMatch(QaEvaluation::getRetracted)).count();
    assertThat(corrections).isPositive();
    long duplicates = all(InteractionEvent.class).size() - uniqueInteractions().size();
    assertThat(duplicates).isPositive();
    assertThat(evaluations.get(0).getCriteria()).allSatisfy(c -> assertThat(c.getMaxScore()).isIn(5.0, 10.0));
  }

  @Test
  void slipsAreDeepEnoughAndSteadyAgentsStayAboveTheFloor() {
    GroundTruth truth = result.groundTruth();
    assertThat(truth.slipping()).hasSize(6);
    assertThat(truth.steady()).hasSize(24);
    for (SimulatedAgent agent : truth.slipping()) {
      for (Slip slip : agent.slips()) {
        double before = windowMean(agent.agentId(), slip.category(), slip.at().minus(Duration.ofDays(7)), slip.at());
        Instant slipWindowEnd = slip.recoverAt() == null ? END : slip.recoverAt();
        double during = windowMean(agent.agentId(), slip.category(), slip.at(), slipWindowEnd);
        assertThat(before).as(agent.agentId() + " before").isGreaterThan(75);
        assertThat(during).as(agent.agentId() + " during").isLessThan(65);
        assertThat(Duration.between(slip.at(), slipWindowEnd).toDays()).isGreaterThanOrEqualTo(7);
        // The default 7-day window ending 5 days after the slip is already below the floor of 70.
        assertThat(windowMean(agent.agentId(), slip.category(), slip.at().minus(Duration.ofDays(2)), slip.at().plus(Duration.ofDays(5))))
            .isLessThan(70);
        if (slip.recoverAt() != null) {
          assertThat(windowMean(agent.agentId(), slip.category(), slip.recoverAt(), END)).isGreaterThan(75);
          assertThat(Duration.between(slip.recoverAt(), END).toDays()).isGreaterThanOrEqualTo(7);
        }
      }
    }
    for (SimulatedAgent agent : truth.steady()) {
      for (SkillCategory category : SkillCategory.values()) {
        for (Instant from = CONFIG.start(); from.isBefore(END.minus(Duration.ofDays(7))); from = from.plus(Duration.ofDays(1))) {
          assertThat(windowMean(agent.agentId(), category, from, from.plus(Duration.ofDays(7))))
              .as(agent.agentId() + " " + category + " from " + from).isBetween(74.0, 96.0);
        }
      }
    }
    assertThat(truth.lines()).hasSize(24 + (int) truth.slipping().stream().mapToLong(a -> a.slips().size()).sum());
  }

  /** Category score per docs/concepts.md over the automated signals: mean of per-skill means. */
  double windowMean(String agentId, SkillCategory category, Instant from, Instant to) {
    Map<String, List<Double>> bySkill = new HashMap<>();
    for (InteractionEvent i : uniqueInteractions()) {
      if (i.getAgentId().equals(agentId) && !i.getEndedAt().isBefore(from) && i.getEndedAt().isBefore(to)) {
        i.getSkillSignals().forEach((skill, score) -> {
          if (SkillTaxonomy.defaults().category(skill) == category) {
            bySkill.computeIfAbsent(skill, k -> new ArrayList<>()).add(score);
          }
        });
      }
    }
    return bySkill.values().stream().mapToDouble(s -> s.stream().mapToDouble(Double::doubleValue).average().orElseThrow())
        .average().orElseThrow();
  }

  static List<InteractionEvent> unique;

  List<InteractionEvent> uniqueInteractions() {
    if (unique == null) {
      unique = computeUnique();
    }
    return unique;
  }

  List<InteractionEvent> computeUnique() {
    return List.copyOf(all(InteractionEvent.class).stream()
        .collect(Collectors.toMap(InteractionEvent::getInteractionId, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new))
        .values());
  }
}
