package com.coachstream.streams.window;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.streams.window.EventTimeProgress.Source;
import com.coachstream.streams.window.Lateness.Verdict;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The time up to which an agent's data is settled: the slower of the two sources, each as far as the task read
 * it or the agent got in it, never more than the kept state's reach behind the agent's newest event.
 */
class SourceWatermarksTest {

  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final long NOW = 1000 * DAY + 5 * HOUR;
  private static final long NONE = EventTimeProgress.NONE;

  private static SourceWatermarks read(long interactions, long evaluations) {
    SourceWatermarks watermarks = new SourceWatermarks();
    if (interactions != NONE) {
      watermarks.read(Source.INTERACTIONS, interactions);
    }
    if (evaluations != NONE) {
      watermarks.read(Source.QA_EVALUATIONS, evaluations);
    }
    return watermarks;
  }

  private static long settled(SourceWatermarks task, long agentInteractions, long agentEvaluations) {
    return task.settled(new EventTimeProgress(agentInteractions, agentEvaluations), WindowSpec.DEFAULTS);
  }

  @Test
  void nothingIsSettledBeforeTheAgentsFirstEvent() {
    assertThat(settled(read(NOW, NOW), NONE, NONE)).isEqualTo(NONE);
  }

  @Test
  void theSlowerSourceSetsIt() {
    assertThat(settled(read(NOW, NOW - 3 * DAY), NOW, NOW - 3 * DAY)).isEqualTo(NOW - 3 * DAY);
    assertThat(settled(read(NOW - 5 * HOUR, NOW), NOW - 5 * HOUR, NOW)).isEqualTo(NOW - 5 * HOUR);
  }

  @Test
  void aSourceMovesOnWithTheOtherAgentsOfThePartition() {
    // the agent was last evaluated ten days ago, but the partition's QA records have reached yesterday
    assertThat(settled(read(NOW, NOW - DAY), NOW, NOW - 10 * DAY)).isEqualTo(NOW - DAY);
    // an agent never evaluated is held back by the partition's QA records all the same
    assertThat(settled(read(NOW, NOW - DAY), NOW, NONE)).isEqualTo(NOW - DAY);
  }

  @Test
  void afterARestartTheAgentsOwnProgressCountsUntilTheTaskReadsFurther() {
    // a new task has read nothing yet: the agent's own newest times, never more than the watermarks were
    assertThat(settled(new SourceWatermarks(), NOW, NOW - 2 * DAY)).isEqualTo(NOW - 2 * DAY);
    assertThat(settled(read(NOW - 3 * DAY, NONE), NOW, NOW - 2 * DAY)).isEqualTo(NOW - 2 * DAY);
  }

  @Test
  void aSourceNobodyHasReadAnythingOfDoesNotHoldTheAgentBack() {
    assertThat(settled(read(NOW, NONE), NOW, NONE)).isEqualTo(NOW);
    assertThat(settled(read(NONE, NOW), NONE, NOW)).isEqualTo(NOW);
  }

  @Test
  void aSilentSourceHoldsTheAgentBackNoFurtherThanTheKeptState() {
    // size 7 d + baseline 28 d kept, grace 48 h: 33 days behind the newest event at most
    assertThat(settled(read(NOW, NOW - 20 * DAY), NOW, NOW - 20 * DAY)).isEqualTo(NOW - 20 * DAY);
    assertThat(settled(read(NOW, NOW - 50 * DAY), NOW, NOW - 50 * DAY)).isEqualTo(NOW - 33 * DAY);
    assertThat(settled(read(NOW - 50 * DAY, NOW), NOW - 50 * DAY, NOW)).isEqualTo(NOW - 33 * DAY);
  }

  @Test
  void onceSettledPastAnEndPlusTheGraceNothingBeforeTheEndCanStillBeAccepted() {
    // The property the coaching effect's closing rests on, over random progress, watermarks and windows: an
    // event before the end, of a source that counts, is either rejected as late or would break the order of its
    // source's records (more than the grace behind what the task already read of that source).
    SplittableRandom random = new SplittableRandom(20261129);
    int checked = 0;
    for (int i = 0; i < 200_000; i++) {
      WindowSpec windows = new WindowSpec(Duration.ofDays(1 + random.nextInt(30)), Duration.ofDays(1),
          Duration.ofHours(random.nextInt(100)), Duration.ofDays(1 + random.nextInt(40)));
      Lateness lateness = new Lateness(windows);
      EventTimeProgress agent = new EventTimeProgress(random.nextInt(4) == 0 ? NONE : NOW - random.nextLong(60 * DAY),
          random.nextInt(4) == 0 ? NONE : NOW - random.nextLong(60 * DAY));
      SourceWatermarks task = read(random.nextInt(3) == 0 ? NONE : Math.max(agent.newest(Source.INTERACTIONS), NOW - random.nextLong(60 * DAY)),
          random.nextInt(3) == 0 ? NONE : Math.max(agent.newest(Source.QA_EVALUATIONS), NOW - random.nextLong(60 * DAY)));
      long settled = task.settled(agent, windows);
      if (settled == NONE) {
        continue;
      }
      long end = settled - windows.graceMs() - random.nextLong(5 * DAY);
      long eventTime = end - 1 - random.nextLong(40 * DAY);
      for (Source source : Source.values()) {
        boolean counts = agent.newest(source) != NONE || task.newest(source) != NONE;
        boolean inSourceOrder = task.newest(source) == NONE || eventTime >= task.newest(source) - windows.graceMs();
        if (counts && inSourceOrder) {
          checked++;
          assertThat(lateness.judge(eventTime, source, agent)).as("%s at %d, agent %d/%d, %s", source, eventTime,
              agent.newest(Source.INTERACTIONS), agent.newest(Source.QA_EVALUATIONS), windows)
              .isNotEqualTo(Verdict.ON_TIME);
        }
      }
    }
    assertThat(checked).as("cases where the property had something to prove").isGreaterThan(10_000);
  }
}
