package com.coachstream.streams.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.AlertType;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.SkillCategory;
import com.coachstream.streams.alerts.AlertFactory;
import com.coachstream.streams.alerts.TipLibrary;
import com.coachstream.streams.slip.SlipPolicy;
import com.coachstream.streams.window.WindowSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A QA source days behind the interactions: its evaluations update the older windows they belong to, and
 * slip detection judges the agent's latest window (the current window of its newest event over both
 * sources), so a late evaluation never raises an alert about the past nor flips the state.
 */
class LaggingSourceTest {

  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final long BASE = 1000 * DAY;
  /** The latest window once the interactions reach day 10: days 4 to 10. */
  private static final long LATEST_WINDOW = BASE + 4 * DAY;

  private final AgentScorer scorer = new AgentScorer(WindowSpec.DEFAULTS, SlipPolicy.defaults(),
      new AlertFactory(TipLibrary.defaults()));
  private final AgentState state = new AgentState();
  private final InMemoryAgentHistory history = new InMemoryAgentHistory();
  private final List<CoachingAlert> alerts = new ArrayList<>();

  private ScoringResult score(ScorableEvent event) {
    ScoringResult result = scorer.score(state, history, event, "t1");
    alerts.addAll(result.alerts());
    return result;
  }

  private void interactions(String prefix, int count, long time, double empathy) {
    for (int i = 0; i < count; i++) {
      String id = prefix + i;
      long t = time + i * HOUR;
      score(new ScorableEvent.Interaction(id, "a1", "t1", t,
          List.of(new Observation("empathy", SkillCategory.SOFT, empathy, 1, t, id)), new InteractionKpi(null, null, 60, null)));
    }
  }

  private List<ScoringResult> evaluations(String prefix, int count, long time, double empathy) {
    List<ScoringResult> results = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = prefix + i;
      long t = time + i * HOUR;
      results.add(score(new ScorableEvent.Evaluation(id, "a1", t, i, false,
          List.of(new Observation("empathy", SkillCategory.SOFT, empathy, 1, t, id)))));
    }
    return results;
  }

  private WindowView window(long start) {
    return WindowView.of(history.slices(start, start + WindowSpec.DEFAULTS.sizeMs()));
  }

  @Test
  void evaluationsDaysBehindAreAcceptedIntoTheOlderWindowsTheyBelongTo() {
    interactions("i", 3, BASE + 10 * DAY, 90);
    List<ScoringResult> results = evaluations("e", 3, BASE + 2 * DAY, 60);

    assertThat(results).allSatisfy(r -> {
      assertThat(r.outcome()).isEqualTo(ScoringResult.Outcome.ACCEPTED);
      assertThat(r.windowStart()).isEqualTo(LATEST_WINDOW);
      assertThat(r.window()).as("the latest window did not change: nothing to publish at once").isNull();
    });
    assertThat(window(BASE - 4 * DAY).samples(SkillCategory.SOFT)).isEqualTo(3);
    assertThat(state.currentWindow().samples(SkillCategory.SOFT)).isEqualTo(3);
    assertThat(state.current.baselineView().samples(SkillCategory.SOFT)).isEqualTo(3);
    assertThat(state.dirtyFrom()).as("the older windows wait for the sweep").isEqualTo(BASE + 2 * DAY);
  }

  @Test
  void aStragglerWithinItsOwnSourceBeyondTheGraceIsStillLate() {
    interactions("i", 1, BASE + 10 * DAY, 90);
    evaluations("e", 1, BASE + 5 * DAY, 60);
    ScoringResult straggler = score(new ScorableEvent.Evaluation("old", "a1", BASE + 3 * DAY - 1, 1, false,
        List.of(new Observation("empathy", SkillCategory.SOFT, 60, 1, BASE + 3 * DAY - 1, "old"))));
    assertThat(straggler.outcome()).isEqualTo(ScoringResult.Outcome.LATE);
    assertThat(straggler.lateMessage()).contains("old", "window.grace", "QA evaluation");
  }

  @Test
  void anEvaluationOlderThanTheKeptStateIsLate() {
    interactions("i", 1, BASE + 40 * DAY, 90);
    ScoringResult tooOld = score(new ScorableEvent.Evaluation("e", "a1", BASE + 5 * DAY - 1, 1, false, List.of()));
    assertThat(tooOld.outcome()).isEqualTo(ScoringResult.Outcome.LATE);
    assertThat(tooOld.lateMessage()).contains("window.size + baseline.size");
    assertThat(score(new ScorableEvent.Evaluation("e2", "a1", BASE + 5 * DAY, 1, false, List.of())).outcome())
        .isEqualTo(ScoringResult.Outcome.ACCEPTED);
  }

  @Test
  void aLateEvaluationInAnOldWindowWhileSlippingDoesNotRecover() {
    interactions("low", 5, BASE + 10 * DAY, 50);
    assertThat(alerts).extracting(CoachingAlert::getType).containsExactly(AlertType.SLIP);

    // ten excellent evaluations of day 1: their own window would recover, the latest window is unchanged
    evaluations("e", 10, BASE + DAY, 95);

    assertThat(alerts).extracting(CoachingAlert::getType).containsExactly(AlertType.SLIP);
    assertThat(state.category(SkillCategory.SOFT).slipping()).isTrue();
    assertThat(window(BASE - 5 * DAY).categoryScore(SkillCategory.SOFT)).isEqualTo(95.0);
  }

  @Test
  void aLateEvaluationNeverRaisesASlipAboutThePast() {
    interactions("good", 5, BASE + 10 * DAY, 90);
    evaluations("e", 10, BASE + DAY, 20);
    assertThat(alerts).isEmpty();
    assertThat(state.category(SkillCategory.SOFT).slipping()).isFalse();
  }

  @Test
  void aLaggingEvaluationInsideTheLatestWindowIsJudgedByWhatTheAgentLooksLikeNow() {
    interactions("good", 3, BASE + 10 * DAY, 90);
    List<ScoringResult> results = evaluations("e", 2, BASE + 6 * DAY, 10);

    assertThat(results.get(1).window()).as("it changed the latest window").isNotNull();
    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.getType()).isEqualTo(AlertType.SLIP);
      assertThat(a.getSourceId()).isEqualTo("e1");
      assertThat(a.getEventTime().toEpochMilli()).isEqualTo(BASE + 6 * DAY + HOUR);
      assertThat(a.getWindowStart().toEpochMilli()).isEqualTo(LATEST_WINDOW);
      assertThat(a.getSamples()).isEqualTo(5);
      assertThat(a.getScore()).isEqualTo((3 * 90.0 + 2 * 10.0) / 5);
      // raised now: at the agent's newest event time, which is also where its cooldown starts
      assertThat(a.getCreatedAt().toEpochMilli()).isEqualTo(BASE + 10 * DAY + 2 * HOUR);
    });
    assertThat(state.category(SkillCategory.SOFT).lastSlipAt()).isEqualTo(BASE + 10 * DAY + 2 * HOUR);
  }

  @Test
  void everyInterleavingOfTheTwoSourcesEndsWithTheSameWindows() {
    Random random = new Random(5);
    List<ScorableEvent> interactions = new ArrayList<>();
    List<ScorableEvent> evaluations = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      long t = BASE + i * 2 * HOUR;
      Observation o = new Observation(random.nextBoolean() ? "empathy" : "compliance",
          random.nextBoolean() ? SkillCategory.SOFT : SkillCategory.HARD, random.nextInt(101), 1, t, "x" + i);
      if (i % 3 == 0) {
        evaluations.add(new ScorableEvent.Evaluation("e" + i, "a1", t, i, false, List.of(o)));
      } else {
        interactions.add(new ScorableEvent.Interaction("i" + i, "a1", "t1", t, List.of(o), new InteractionKpi(4, true, 60, null)));
      }
    }
    List<ScorableEvent> inOrder = new ArrayList<>(interactions);
    inOrder.addAll(evaluations);
    inOrder.sort(Comparator.comparingLong(ScorableEvent::eventTime));
    List<ScorableEvent> interactionsFirst = new ArrayList<>(interactions);
    interactionsFirst.addAll(evaluations);
    List<ScorableEvent> evaluationsFirst = new ArrayList<>(evaluations);
    evaluationsFirst.addAll(interactions);

    InMemoryAgentHistory expected = replay(inOrder);
    for (List<ScorableEvent> order : List.of(interactionsFirst, evaluationsFirst)) {
      InMemoryAgentHistory actual = replay(order);
      for (long start = BASE - 7 * DAY; start <= BASE + 26 * DAY; start += DAY) {
        RunningWindowsTest.assertSameWindow(WindowView.of(actual.slices(start, start + 7 * DAY)),
            WindowView.of(expected.slices(start, start + 7 * DAY)));
      }
    }
  }

  private InMemoryAgentHistory replay(List<ScorableEvent> events) {
    AgentState agent = new AgentState();
    InMemoryAgentHistory replayed = new InMemoryAgentHistory();
    for (ScorableEvent event : events) {
      assertThat(scorer.score(agent, replayed, event, "t1").outcome()).isEqualTo(ScoringResult.Outcome.ACCEPTED);
    }
    return replayed;
  }
}
