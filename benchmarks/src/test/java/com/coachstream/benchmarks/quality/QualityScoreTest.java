package com.coachstream.benchmarks.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QualityScoreTest {

  private static final long DAY = ContactCenter.DAY;

  @Test
  void alertsInsideAnEpisodeOrItsCreditAreTrueAndTheFirstOneSetsTheDelay() {
    List<Episode> episodes = List.of(new Episode("a", "f", 10, 10, 9), new Episode("b", "f", 20, 5, 12),
        new Episode("c", "f", 30, 8, 6));
    List<QualityScore.Alert> alerts = List.of(
        new QualityScore.Alert("a", 12 * DAY), new QualityScore.Alert("a", 14 * DAY),
        new QualityScore.Alert("b", 31 * DAY), // after b's end + 5 days of credit: false
        new QualityScore.Alert("d", 40 * DAY)); // a steady agent: false

    QualityScore.Figures f = QualityScore.score(episodes, alerts, 0, 10, 100, 5);

    assertThat(f.episodes()).isEqualTo(3);
    assertThat(f.recall()).isEqualTo(1 / 3.0);
    assertThat(f.qualifying()).isEqualTo(1); // b lasts 5 days, c drops 6 points
    assertThat(f.qualifyingRecall()).isEqualTo(1.0);
    assertThat(f.precision()).isEqualTo(0.5);
    assertThat(f.medianDelayDays()).isEqualTo(2.0);
    assertThat(f.falseAlerts()).isEqualTo(2);
    assertThat(f.falseAlertsPer1000AgentDays()).isEqualTo(2.0);
  }

  @Test
  void noAlertsMeansNoPrecisionAndNoDelay() {
    QualityScore.Figures f = QualityScore.score(List.of(new Episode("a", "f", 1, 7, 9)), List.of(), 0, 1, 10, 7);
    assertThat(f.precision()).isNaN();
    assertThat(f.medianDelayDays()).isNaN();
    assertThat(f.recall()).isZero();
  }

  @Test
  void percentilesAreNearestRank() {
    assertThat(QualityScore.percentile(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0), 0.9)).isEqualTo(9.0);
    assertThat(QualityScore.percentile(List.of(1.0, 2.0, 3.0), 0.5)).isEqualTo(2.0);
  }

  @Test
  void theSimulationIsDeterministicAndHonoursItsFamily() {
    Family thin = Family.ALL.stream().filter(f -> f.name().equals("thin-agents")).findFirst().orElseThrow();
    ContactCenter one = new ContactCenter(thin, 50, 100, 0, 7);
    ContactCenter two = new ContactCenter(thin, 50, 100, 0, 7);
    assertThat(one.day(40)).isEqualTo(two.day(40));
    assertThat(one.episodes()).isEqualTo(two.episodes()).isNotEmpty();
    long evaluations = 0;
    for (int d = 0; d < 70; d++) {
      evaluations += one.day(d).stream().filter(e -> e.evaluation() && !e.calibration())
          .map(SimulatedEvent::interactionId).distinct().count();
    }
    // 2 evaluated interactions a week for 50 agents over 10 weeks (besides calibration and second scorings)
    assertThat(evaluations).isBetween(800L, 1200L);
  }
}
