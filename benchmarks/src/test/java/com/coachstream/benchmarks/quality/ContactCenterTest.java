package com.coachstream.benchmarks.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ContactCenterTest {

  private final ContactCenter center = new ContactCenter(Family.ALL.get(4), 40, 28, QualityBenchmark.START, 1);

  private List<SimulatedEvent> evaluations(int days) {
    List<SimulatedEvent> all = new ArrayList<>();
    for (int day = 0; day < days; day++) {
      center.day(day).stream().filter(SimulatedEvent::evaluation).forEach(all::add);
    }
    return all;
  }

  @Test
  void aWeeklyCalibrationSessionScoresEachOfItsInteractionsBySeveralEvaluators() {
    Map<String, List<SimulatedEvent>> sessions = evaluations(28).stream().filter(SimulatedEvent::calibration)
        .collect(Collectors.groupingBy(SimulatedEvent::interactionId));
    assertThat(sessions).hasSize(4 * ContactCenter.CALIBRATION_SESSIONS);
    sessions.values().forEach(scored -> {
      assertThat(scored).extracting(SimulatedEvent::evaluatorId).doesNotHaveDuplicates()
          .hasSize(ContactCenter.CALIBRATION_EVALUATORS);
      assertThat(scored).extracting(SimulatedEvent::agentId).containsOnly(scored.get(0).agentId());
    });
  }

  @Test
  void someStandardEvaluationsAreDoubleScoredByAnotherEvaluator() {
    Map<String, List<SimulatedEvent>> byInteraction = evaluations(28).stream().filter(e -> !e.calibration())
        .collect(Collectors.groupingBy(SimulatedEvent::interactionId));
    List<List<SimulatedEvent>> doubled = byInteraction.values().stream().filter(l -> l.size() > 1).toList();
    double share = doubled.size() / (double) byInteraction.size();
    assertThat(share).isBetween(0.05, 0.15);
    doubled.forEach(pair -> assertThat(pair).extracting(SimulatedEvent::evaluatorId).doesNotHaveDuplicates().hasSize(2));
  }

  @Test
  void theSameSeedPlaysTheSameDay() {
    ContactCenter again = new ContactCenter(Family.ALL.get(4), 40, 28, QualityBenchmark.START, 1);
    assertThat(again.day(10)).isEqualTo(center.day(10));
  }
}
