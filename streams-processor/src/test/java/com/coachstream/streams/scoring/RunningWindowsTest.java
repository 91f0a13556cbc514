package com.coachstream.streams.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.SkillCategory;
import com.coachstream.streams.alerts.AlertFactory;
import com.coachstream.streams.alerts.TipLibrary;
import com.coachstream.streams.slip.SlipPolicy;
import com.coachstream.streams.window.WindowSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The running latest window and baseline, the published windows of the sweep and the latest window every
 * scored event returns are bit for bit the windows summed afresh from the stored slices, over random
 * histories with late events, re-sends, corrections and retractions, and with the QA source lagging the
 * interactions by more than the grace (so its evaluations land in older windows), at every window setting.
 */
class RunningWindowsTest {

  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final List<String> SOFT = List.of("empathy", "rapport", "patience");
  private static final List<String> HARD = List.of("compliance", "data_accuracy");

  static List<WindowSpec> specs() {
    return List.of(WindowSpec.DEFAULTS,
        new WindowSpec(Duration.ofDays(30), Duration.ofDays(1), Duration.ofHours(48), Duration.ofDays(28)),
        new WindowSpec(Duration.ofDays(30), Duration.ofHours(1), Duration.ofHours(48), Duration.ofDays(28)),
        // grace longer than window and baseline: late events land before the baseline
        new WindowSpec(Duration.ofHours(48), Duration.ofHours(12), Duration.ofDays(5), Duration.ofDays(1)));
  }

  @ParameterizedTest
  @MethodSource("specs")
  void everyPathToAWindowGivesTheSameBits(WindowSpec spec) {
    AgentScorer scorer = new AgentScorer(spec, SlipPolicy.defaults(), new AlertFactory(TipLibrary.defaults()));
    WindowSweep sweep = new WindowSweep(spec);
    Random random = new Random(spec.hashCode());
    AgentState state = new AgentState();
    InMemoryAgentHistory history = new InMemoryAgentHistory();
    List<ScorableEvent.Evaluation> evaluations = new ArrayList<>();
    long time = 1_700_000_000_000L;
    long newest = time;
    java.util.Set<ScoringResult.Outcome> outcomes = java.util.EnumSet.noneOf(ScoringResult.Outcome.class);
    int behindNewestSlice = 0;
    int lagging = 0;
    for (int i = 0; i < 1500; i++) {
      time += (long) (random.nextDouble() * random.nextDouble() * 20 * HOUR);
      long t = random.nextInt(6) == 0 ? Math.max(newest - spec.graceMs(), time - random.nextInt((int) spec.graceMs())) : time;
      // the QA source runs behind the interactions by more than a window when the kept state allows it
      long qaLag = Math.min(spec.sizeMs() + spec.advanceMs(), spec.sizeMs() + spec.baselineMs() - spec.advanceMs())
          + (i / 300) * HOUR;
      ScorableEvent event = next(random, i, t, t - qaLag, evaluations);
      ScoringResult result = scorer.score(state, history, event, "team");
      outcomes.add(result.outcome());
      if (!result.changedState()) {
        continue;
      }
      if (spec.sliceStart(event.eventTime()) < spec.sliceStart(newest)) {
        behindNewestSlice++;
      }
      if (event instanceof ScorableEvent.Interaction) {
        newest = Math.max(newest, event.eventTime());
      }
      long current = spec.currentWindowStart(state.newestEventTime());
      assertThat(result.windowStart()).isEqualTo(current);
      if (result.window() != null) {
        assertSameWindow(result.window(), WindowView.of(history.slices(current, current + spec.sizeMs())));
      } else {
        lagging++;
        assertThat(spec.sliceStart(event.eventTime())).isLessThan(current);
      }
      assertSameWindow(state.currentWindow(), WindowView.of(history.slices(current, current + spec.sizeMs())));
      assertSameSums(state.current.baselineView(), WindowView.of(history.slices(current - spec.baselineMs(), current)));
      if (i % 50 == 0) {
        long first = spec.firstWindowStartContaining(state.dirtyFrom());
        long last = spec.lastWindowStartContaining(state.dirtyTo());
        sweep.sweep(history.slices(first, last + spec.sizeMs()), first, last, (windowStart, view) ->
            assertSameWindow(view, WindowView.of(history.slices(windowStart, windowStart + spec.sizeMs()))));
        state.clearDirty();
        scorer.expire(state, history);
        // what the state says it holds is what the history holds, after a round trip through the codecs
        AgentState copy = AgentStateCodec.decode(AgentStateCodec.encode(state));
        assertSameWindow(copy.currentWindow(), state.currentWindow());
        state = copy;
      }
    }
    assertThat(outcomes).containsAll(java.util.EnumSet.allOf(ScoringResult.Outcome.class));
    assertThat(behindNewestSlice).isGreaterThan(50);
    assertThat(lagging).as("events that changed only windows older than the latest").isGreaterThan(20);
  }

  private static ScorableEvent next(Random random, int i, long t, long qaTime, List<ScorableEvent.Evaluation> evaluations) {
    int kind = random.nextInt(10);
    if (kind == 0 && !evaluations.isEmpty()) {
      // a re-send, correction or retraction of an earlier evaluation, with this event's time
      ScorableEvent.Evaluation earlier = evaluations.get(random.nextInt(evaluations.size()));
      return switch (random.nextInt(3)) {
        case 0 -> earlier;
        case 1 -> new ScorableEvent.Evaluation(earlier.sourceId(), "a1", qaTime, random.nextLong(), false,
            observations(random, earlier.sourceId(), qaTime, 4));
        default -> new ScorableEvent.Evaluation(earlier.sourceId(), "a1", qaTime, random.nextLong(), true, List.of());
      };
    }
    if (kind == 1) {
      ScorableEvent.Evaluation evaluation = new ScorableEvent.Evaluation("e" + i, "a1", qaTime, random.nextLong(), false,
          observations(random, "e" + i, qaTime, 5));
      evaluations.add(evaluation);
      return evaluation;
    }
    if (kind == 2 && i > 0) {
      return new ScorableEvent.Interaction("i" + (i - 1), "a1", "team", t, List.of(),
          new InteractionKpi(null, null, 60, null)); // a re-sent interaction id
    }
    return new ScorableEvent.Interaction("i" + i, "a1", "team", t, observations(random, "i" + i, t, 3),
        new InteractionKpi(random.nextBoolean() ? 1 + random.nextInt(5) : null,
            random.nextBoolean() ? random.nextBoolean() : null, 30 + random.nextInt(900) + random.nextDouble(),
            random.nextBoolean() ? Math.round((random.nextDouble() * 2 - 1) * 100) / 100.0 : null));
  }

  private static List<Observation> observations(Random random, String id, long t, int max) {
    List<Observation> observations = new ArrayList<>();
    int n = random.nextInt(max + 1);
    for (int k = 0; k < n; k++) {
      boolean soft = random.nextBoolean();
      List<String> skills = soft ? SOFT : HARD;
      double score = Math.round(random.nextDouble() * 10_000) / 100.0;
      observations.add(new Observation(skills.get(random.nextInt(skills.size())), soft ? SkillCategory.SOFT
          : SkillCategory.HARD, score, 1 + random.nextInt(3) * 0.5, t, id));
    }
    return observations;
  }

  static void assertSameWindow(WindowView actual, WindowView expected) {
    assertSameSums(actual, expected);
    actual.skills().forEach((skill, stats) -> {
      assertThat(List.of(stats.min(), stats.max())).as(skill + " min, max")
          .isEqualTo(List.of(expected.skills().get(skill).min(), expected.skills().get(skill).max()));
    });
    assertThat(actual.latestEventTime()).as("latest").isEqualTo(expected.latestEventTime());
    KpiSums a = actual.kpis();
    KpiSums e = expected.kpis();
    assertThat(List.of(a.interactions(), a.csatCount())).isEqualTo(List.of(e.interactions(), e.csatCount()));
    assertThat(new Double[] {a.csatMean(), a.fcrRate(), a.meanHandleSeconds(), a.sentimentMean()})
        .isEqualTo(new Double[] {e.csatMean(), e.fcrRate(), e.meanHandleSeconds(), e.sentimentMean()});
    assertThat(actual.isEmpty()).isEqualTo(expected.isEmpty());
  }

  static void assertSameSums(WindowView actual, WindowView expected) {
    assertThat(actual.skills().keySet()).isEqualTo(expected.skills().keySet());
    for (Map.Entry<String, SkillStats> e : actual.skills().entrySet()) {
      SkillStats x = expected.skills().get(e.getKey());
      assertThat(List.of(e.getValue().score(), e.getValue().weight(), e.getValue().count()))
          .as(e.getKey()).isEqualTo(List.of(x.score(), x.weight(), x.count()));
    }
    for (SkillCategory category : SkillCategory.values()) {
      assertThat(actual.samples(category)).isEqualTo(expected.samples(category));
      assertThat(Double.valueOf(actual.categoryScore(category))).isEqualTo(Double.valueOf(expected.categoryScore(category)));
    }
  }
}
