package com.coachstream.streams.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.AlertReason;
import com.coachstream.avro.AlertType;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.SkillCategory;
import com.coachstream.avro.SkillDelta;
import com.coachstream.streams.alerts.AlertFactory;
import com.coachstream.streams.alerts.TipLibrary;
import com.coachstream.streams.slip.SlipPolicy;
import com.coachstream.streams.window.WindowSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentScorerTest {

  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final long BASE = 1000 * DAY;

  private final AgentScorer scorer = new AgentScorer(WindowSpec.DEFAULTS, SlipPolicy.defaults(),
      new AlertFactory(TipLibrary.defaults()));
  private final AgentState state = new AgentState();
  private final InMemoryAgentHistory history = new InMemoryAgentHistory();
  private final List<CoachingAlert> alerts = new ArrayList<>();

  private static Observation obs(String skill, SkillCategory category, double score, long time, String id) {
    return new Observation(skill, category, score, 1.0, time, id);
  }

  private static ScorableEvent.Evaluation eval(String id, long time, long fingerprint, double empathy) {
    return new ScorableEvent.Evaluation(id, "a1", time, fingerprint, false,
        List.of(obs("empathy", SkillCategory.SOFT, empathy, time, id)));
  }

  private static ScorableEvent.Interaction interaction(String id, long time, double empathy) {
    return new ScorableEvent.Interaction(id, "a1", "t1", time, List.of(obs("empathy", SkillCategory.SOFT, empathy, time, id)),
        new InteractionKpi(null, null, 60, null));
  }

  private ScoringResult score(ScorableEvent event) {
    ScoringResult result = scorer.score(state, history, event, "t1");
    alerts.addAll(result.alerts());
    return result;
  }

  private WindowView currentWindow(long t) {
    long start = WindowSpec.DEFAULTS.currentWindowStart(t);
    return WindowView.of(history.slices(start, start + WindowSpec.DEFAULTS.sizeMs()));
  }

  @Test
  void slipsExactlyWhenTheFifthLowSampleArrives() {
    for (int i = 0; i < 4; i++) {
      score(eval("e" + i, BASE + i * HOUR, i, 50));
    }
    assertThat(alerts).isEmpty();
    score(eval("e4", BASE + 4 * HOUR, 4, 50));
    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.getType()).isEqualTo(AlertType.SLIP);
      assertThat(a.getReason()).isEqualTo(AlertReason.BELOW_FLOOR);
      assertThat(a.getScore()).isEqualTo(50.0);
      assertThat(a.getSamples()).isEqualTo(5);
      assertThat(a.getBaseline()).isNull();
      assertThat(a.getSourceId()).isEqualTo("e4");
      assertThat(a.getWindowEnd().toEpochMilli()).isEqualTo(BASE + DAY);
      assertThat(a.getFocus()).singleElement().satisfies(f -> assertThat(f.getTip()).contains("feeling"));
    });
  }

  @Test
  void identicalResendsAreDuplicatesAndNeverCountTwice() {
    score(eval("e1", BASE, 7, 50));
    assertThat(score(eval("e1", BASE, 7, 50)).outcome()).isEqualTo(ScoringResult.Outcome.DUPLICATE);
    score(interaction("i1", BASE, 50));
    assertThat(score(interaction("i1", BASE + 1, 90)).outcome()).isEqualTo(ScoringResult.Outcome.DUPLICATE);
    assertThat(currentWindow(BASE).samples(SkillCategory.SOFT)).isEqualTo(2);
  }

  @Test
  void aCorrectionReplacesTheEarlierObservationsAndCanEndASlip() {
    for (int i = 0; i < 5; i++) {
      score(eval("e" + i, BASE + i * HOUR, 1, 50));
    }
    assertThat(state.category(SkillCategory.SOFT).slipping()).isTrue();
    ScoringResult corrected = null;
    for (int i = 0; i < 5; i++) {
      corrected = score(eval("e" + i, BASE + i * HOUR, 2, 100));
    }
    assertThat(corrected.outcome()).isEqualTo(ScoringResult.Outcome.CORRECTED);
    assertThat(currentWindow(BASE).skills().get("empathy").count()).isEqualTo(5);
    assertThat(currentWindow(BASE).categoryScore(SkillCategory.SOFT)).isEqualTo(100.0);
    assertThat(alerts).extracting(CoachingAlert::getType).containsExactly(AlertType.SLIP, AlertType.RECOVERY);
  }

  @Test
  void aCorrectionThatMovesTheEvaluationToAnotherDayMovesItsObservations() {
    score(eval("e1", BASE, 1, 50));
    score(eval("e1", BASE + DAY, 2, 60));
    assertThat(WindowView.of(history.slices(BASE, BASE + DAY)).isEmpty()).isTrue();
    assertThat(WindowView.of(history.slices(BASE + DAY, BASE + 2 * DAY)).skills().get("empathy").score()).isEqualTo(60.0);
  }

  @Test
  void aRetractionWithdrawsAndIsFinal() {
    for (int i = 0; i < 5; i++) {
      score(eval("e" + i, BASE + i * HOUR, 1, 50));
    }
    ScorableEvent.Evaluation retraction = new ScorableEvent.Evaluation("e4", "a1", BASE + 4 * HOUR, 9, true, List.of());
    assertThat(score(retraction).outcome()).isEqualTo(ScoringResult.Outcome.RETRACTED);
    assertThat(currentWindow(BASE).samples(SkillCategory.SOFT)).isEqualTo(4);
    assertThat(score(eval("e4", BASE + 4 * HOUR, 1, 50)).outcome()).isEqualTo(ScoringResult.Outcome.DUPLICATE);
    assertThat(currentWindow(BASE).samples(SkillCategory.SOFT)).isEqualTo(4);
    // 4 samples < min-samples: neither still slipping (no recovery either) nor counted
    assertThat(alerts).extracting(CoachingAlert::getType).containsExactly(AlertType.SLIP);
  }

  @Test
  void lateWithinGraceUpdatesOlderWindowsAndBeyondGraceIsRejected() {
    score(interaction("i1", BASE + 10 * DAY, 90));
    ScoringResult within = score(interaction("i2", BASE + 8 * DAY, 40));
    assertThat(within.outcome()).isEqualTo(ScoringResult.Outcome.ACCEPTED);
    assertThat(within.windowStart()).as("the latest window, of the newest event").isEqualTo(BASE + 4 * DAY);
    ScoringResult beyond = score(interaction("i3", BASE + 8 * DAY - 1, 40));
    assertThat(beyond.outcome()).isEqualTo(ScoringResult.Outcome.LATE);
    assertThat(beyond.lateMessage()).contains("i3", "window.grace");
    assertThat(history.interactionSlice(Fnv64.hash("i3"))).isNull();
  }

  @Test
  void aDuplicateIsRecognisedBeforeItCouldBeLate() {
    score(eval("e1", BASE, 1, 50));
    score(eval("e2", BASE + 3 * DAY, 1, 90));
    assertThat(score(eval("e1", BASE, 1, 50)).outcome()).isEqualTo(ScoringResult.Outcome.DUPLICATE);
    assertThat(score(eval("e1", BASE, 2, 60)).outcome()).isEqualTo(ScoringResult.Outcome.LATE);
  }

  @Test
  void aDropFromTheBaselineSlipsWithDeltasEvidenceAndFocus() {
    for (int i = 0; i < 10; i++) {
      score(new ScorableEvent.Interaction("b" + i, "a1", "t1", BASE - 10 * DAY + i * HOUR, List.of(
          obs("empathy", SkillCategory.SOFT, 95, BASE - 10 * DAY + i * HOUR, "b" + i),
          obs("rapport", SkillCategory.SOFT, 90, BASE - 10 * DAY + i * HOUR, "b" + i)),
          new InteractionKpi(null, null, 60, null)));
    }
    assertThat(alerts).isEmpty();
    for (int i = 0; i < 5; i++) {
      long t = BASE + i * HOUR;
      score(new ScorableEvent.Interaction("w" + i, "a1", "t1", t, List.of(
          obs("empathy", SkillCategory.SOFT, 75 + i, t, "w" + i),
          obs("rapport", SkillCategory.SOFT, 88, t, "w" + i)), new InteractionKpi(null, null, 60, null)));
    }
    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.getReason()).isEqualTo(AlertReason.DROP_FROM_BASELINE);
      assertThat(a.getScore()).isEqualTo((77.0 + 88.0) / 2);
      assertThat(a.getBaseline()).isEqualTo(92.5);
      assertThat(a.getBaselineSamples()).isEqualTo(10);
      assertThat(a.getSkills()).extracting(SkillDelta::getSkill).containsExactly("empathy", "rapport");
      assertThat(a.getSkills().get(0).getDelta()).isEqualTo(77.0 - 95.0);
      assertThat(a.getEvidence()).extracting(e -> e.getSourceId()).containsExactly("w0", "w1", "w2");
      assertThat(a.getEvidence().get(0).getScore()).isEqualTo(75.0);
      assertThat(a.getFocus()).extracting(f -> f.getSkill()).containsExactly("empathy");
    });
  }

  @Test
  void aReplayRaisesIdenticalAlertsStampedWithTheTriggeringEventTime() {
    AgentScorer replay = new AgentScorer(WindowSpec.DEFAULTS, SlipPolicy.defaults(), new AlertFactory(TipLibrary.defaults()));
    AgentState other = new AgentState();
    InMemoryAgentHistory otherHistory = new InMemoryAgentHistory();
    List<com.coachstream.avro.CoachingAlert> first = new ArrayList<>();
    List<com.coachstream.avro.CoachingAlert> second = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      first.addAll(scorer.score(state, history, eval("e" + i, BASE + i, i, 10), "t1").alerts());
      second.addAll(replay.score(other, otherHistory, eval("e" + i, BASE + i, i, 10), "t1").alerts());
    }
    assertThat(first).hasSize(1).isEqualTo(second);
    assertThat(first.get(0).getCreatedAt()).isEqualTo(first.get(0).getEventTime());
  }

  @Test
  void aWindowIsStampedWithTheEventTimeOfItsNewestEvent() {
    score(interaction("i1", BASE + 3 * DAY, 80));
    score(interaction("i2", BASE + DAY, 80));
    long windowStart = WindowSpec.DEFAULTS.currentWindowStart(BASE + 3 * DAY);
    WindowView window = WindowView.of(history.slices(windowStart, windowStart + WindowSpec.DEFAULTS.sizeMs()));
    assertThat(window.latestEventTime()).isEqualTo(BASE + 3 * DAY);
  }

  @Test
  void oldSlicesExpireAndWithThemTheRememberedIds() {
    score(interaction("old", BASE, 50));
    score(eval("old-eval", BASE, 1, 50));
    score(interaction("new", BASE + 100 * DAY, 50));
    assertThat(history.slices(BASE, BASE + 1).keySet()).containsExactly(BASE);
    state.clearDirty();
    scorer.expire(state, history);
    assertThat(history.slices(Long.MIN_VALUE + 1, Long.MAX_VALUE).keySet()).containsExactly(BASE + 100 * DAY);
    assertThat(history.storedSlices()).isEqualTo(1);
    assertThat(history.rememberedIds()).isEqualTo(1);
    assertThat(history.interactionSlice(Fnv64.hash("old"))).isNull();
  }

  @Test
  void theStateSurvivesItsBinaryFormUnchanged() {
    for (int i = 0; i < 6; i++) {
      score(eval("e" + i, BASE + i * HOUR, i, 40));
      score(interaction("i" + i, BASE + i * HOUR, 30 + i));
    }
    byte[] bytes = AgentStateCodec.encode(state);
    AgentState copy = AgentStateCodec.decode(bytes);
    assertThat(AgentStateCodec.encode(copy)).isEqualTo(bytes);
    assertThat(copy.category(SkillCategory.SOFT)).isEqualTo(state.category(SkillCategory.SOFT));
    assertThat(copy.currentWindow().skills()).isEqualTo(state.currentWindow().skills());
    Slice slice = history.slice(WindowSpec.DEFAULTS.sliceStart(BASE));
    byte[] sliceBytes = SliceCodec.encode(slice);
    assertThat(SliceCodec.encode(SliceCodec.decode(sliceBytes))).isEqualTo(sliceBytes);
    assertThat(history.interactionSlice(Fnv64.hash("i3"))).isEqualTo(WindowSpec.DEFAULTS.sliceStart(BASE));
    assertThat(history.evaluationSlice(Fnv64.hash("e2"))).isEqualTo(WindowSpec.DEFAULTS.sliceStart(BASE));
    WindowView original = currentWindow(BASE);
    assertThat(copy.currentWindow().categoryScore(SkillCategory.SOFT)).isEqualTo(original.categoryScore(SkillCategory.SOFT));
    assertThat(WindowView.of(history.slices(BASE - DAY, BASE + DAY)).evidence(SkillCategory.SOFT))
        .isEqualTo(original.evidence(SkillCategory.SOFT));
  }
}
