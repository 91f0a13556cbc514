package com.coachstream.streams.topology;

import static com.coachstream.streams.TestEvents.T0;
import static com.coachstream.streams.TestEvents.evaluation;
import static com.coachstream.streams.TestEvents.interaction;
import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.AgentSkillWindow;
import com.coachstream.avro.AlertType;
import com.coachstream.avro.CategoryScore;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.SkillCategory;
import com.coachstream.schemas.deadletter.DeadLetter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The QA source days behind the interactions, through the production topology: its evaluations update the
 * older windows they belong to (nothing is LATE), while slip detection judges the agent's latest window, so
 * they neither recover a slipping agent nor raise a slip about the past. A straggler within its own source
 * beyond the grace is still LATE.
 */
class LatestWindowTopologyTest {

  private static final Instant NOW = T0.plus(Duration.ofDays(10));
  /** Nine days before the newest interaction: far beyond the grace, in windows older than the latest. */
  private static final Instant PAST = T0.plus(Duration.ofDays(1));

  private final TopologyFixture fixture = new TopologyFixture();

  @AfterEach
  void stop() {
    fixture.close();
  }

  private void interactions(int count, double empathy) {
    for (int i = 0; i < count; i++) {
      fixture.interactions.pipeInput("a1", interaction("i" + i, "a1", NOW.plusSeconds(60L * i), Map.of("empathy", empathy)));
    }
  }

  private void pastEvaluations(int count, double pointsOutOf10) {
    for (int i = 0; i < count; i++) {
      fixture.evaluations.pipeInput("a1", evaluation("e" + i, "a1", PAST.plusSeconds(60L * i), Map.of("empathy", pointsOutOf10)));
    }
  }

  /** The latest published value of every window, after the publication of the changed ones. */
  private Map<Instant, AgentSkillWindow> publishedWindows() {
    fixture.driver.advanceWallClockTime(Duration.ofSeconds(2));
    Map<Instant, AgentSkillWindow> windows = new HashMap<>();
    fixture.scores.readRecordsToList().forEach(r -> windows.put(r.key().getWindowStart(), r.value()));
    return windows;
  }

  private static CategoryScore soft(AgentSkillWindow window) {
    return window.getCategories().stream().filter(c -> c.getCategory() == SkillCategory.SOFT).findFirst().orElseThrow();
  }

  @Test
  void aLateEvaluationInAnOldWindowWhileSlippingDoesNotEmitRecovery() {
    interactions(5, 40);
    assertThat(fixture.alerts.readValuesToList()).extracting(CoachingAlert::getType).containsExactly(AlertType.SLIP);

    pastEvaluations(10, 10.0);

    assertThat(fixture.alerts.readValuesToList()).as("the latest window did not change").isEmpty();
    assertThat(fixture.deadLetters.readRecordsToList()).isEmpty();
    Map<Instant, AgentSkillWindow> windows = publishedWindows();
    // every window holding day 1 now has the ten evaluations, scored 100
    for (int start = -5; start <= 1; start++) {
      AgentSkillWindow window = windows.get(T0.plus(Duration.ofDays(start)));
      assertThat(window).as("window starting day %d", start).isNotNull();
      assertThat(soft(window).getSamples()).isEqualTo(10);
      assertThat(soft(window).getScore()).isEqualTo(100.0);
    }
    // and the agent is still slipping: the next poor interaction raises no second SLIP
    interactions(1, 40);
    assertThat(fixture.alerts.readValuesToList()).isEmpty();
  }

  @Test
  void aLateEvaluationDoesNotRaiseASlipAboutThePast() {
    interactions(5, 95);
    pastEvaluations(10, 1.0);

    assertThat(fixture.alerts.readValuesToList()).isEmpty();
    assertThat(fixture.deadLetters.readRecordsToList()).isEmpty();
    assertThat(soft(publishedWindows().get(T0.plus(Duration.ofDays(1)))).getScore()).isEqualTo(10.0);
  }

  @Test
  void aStragglerWithinTheQaSourceBeyondTheGraceIsStillLate() {
    interactions(1, 95);
    pastEvaluations(1, 8.0);
    fixture.evaluations.pipeInput("a1", evaluation("straggler", "a1", PAST.minus(Duration.ofHours(48)).minusMillis(1),
        Map.of("empathy", 8.0)));
    fixture.evaluations.pipeInput("a1", evaluation("within", "a1", PAST.minus(Duration.ofHours(48)), Map.of("empathy", 8.0)));

    List<TestRecord<byte[], byte[]>> dead = fixture.deadLetters.readRecordsToList();
    assertThat(dead).singleElement().satisfies(r -> {
      assertThat(DeadLetter.header(r.headers(), DeadLetter.REASON)).isEqualTo("LATE");
      assertThat(DeadLetter.header(r.headers(), DeadLetter.MESSAGE)).contains("straggler", "window.grace", "QA evaluation");
    });
  }
}
