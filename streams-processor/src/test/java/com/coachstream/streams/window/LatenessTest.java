package com.coachstream.streams.window;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.streams.window.EventTimeProgress.Source;
import com.coachstream.streams.window.Lateness.Verdict;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Lateness per agent and per source: the grace within one source, the kept state across both. */
class LatenessTest {

  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final long NOW = 1000 * DAY + 5 * HOUR;

  private final Lateness lateness = new Lateness(WindowSpec.DEFAULTS);

  private static EventTimeProgress progress(long interactions, long evaluations) {
    return new EventTimeProgress(interactions, evaluations);
  }

  @Test
  void theFirstEventOfAnAgentIsOnTime() {
    assertThat(lateness.judge(0, Source.INTERACTIONS, new EventTimeProgress())).isEqualTo(Verdict.ON_TIME);
    assertThat(lateness.judge(0, Source.QA_EVALUATIONS, new EventTimeProgress())).isEqualTo(Verdict.ON_TIME);
  }

  @Test
  void withinOneSourceTheGraceIsTheBound() {
    EventTimeProgress progress = progress(NOW, NOW);
    assertThat(lateness.judge(NOW - 48 * HOUR, Source.INTERACTIONS, progress)).isEqualTo(Verdict.ON_TIME);
    assertThat(lateness.judge(NOW - 48 * HOUR - 1, Source.INTERACTIONS, progress)).isEqualTo(Verdict.BEHIND_ITS_SOURCE);
    assertThat(lateness.judge(NOW - 48 * HOUR - 1, Source.QA_EVALUATIONS, progress)).isEqualTo(Verdict.BEHIND_ITS_SOURCE);
  }

  @Test
  void aSourceLaggingTheOtherByDaysIsOnTimeAgainstItsOwnProgress() {
    // the QA tool was down four days and catches up: its events are judged against its own newest time
    EventTimeProgress progress = progress(NOW, NOW - 4 * DAY);
    assertThat(lateness.judge(NOW - 4 * DAY + HOUR, Source.QA_EVALUATIONS, progress)).isEqualTo(Verdict.ON_TIME);
    assertThat(lateness.judge(NOW - 6 * DAY, Source.QA_EVALUATIONS, progress)).isEqualTo(Verdict.ON_TIME);
    // the same time is a straggler for the interactions, which are already at NOW
    assertThat(lateness.judge(NOW - 4 * DAY + HOUR, Source.INTERACTIONS, progress)).isEqualTo(Verdict.BEHIND_ITS_SOURCE);
  }

  @Test
  void aSourceNeverSeenIsBoundOnlyByTheKeptState() {
    EventTimeProgress interactionsOnly = progress(NOW, EventTimeProgress.NONE);
    assertThat(lateness.judge(NOW - 20 * DAY, Source.QA_EVALUATIONS, interactionsOnly)).isEqualTo(Verdict.ON_TIME);
  }

  @Test
  void olderThanSizePlusBaselineBehindTheNewestOfAnySourceIsBeyondTheKeptState() {
    EventTimeProgress progress = progress(NOW, NOW - 34 * DAY);
    assertThat(lateness.judge(NOW - 35 * DAY, Source.QA_EVALUATIONS, progress)).isEqualTo(Verdict.ON_TIME);
    assertThat(lateness.judge(NOW - 35 * DAY - 1, Source.QA_EVALUATIONS, progress))
        .isEqualTo(Verdict.OLDER_THAN_KEPT_STATE);
    // the grace is judged first: a straggler of its own source says so
    assertThat(lateness.judge(NOW - 40 * DAY, Source.QA_EVALUATIONS, progress)).isEqualTo(Verdict.BEHIND_ITS_SOURCE);
  }

  @Test
  void theMessageNamesTheRuleAndTheTimeItWasJudgedAgainst() {
    EventTimeProgress progress = progress(NOW, NOW - 30 * DAY);
    assertThat(lateness.explain(Verdict.BEHIND_ITS_SOURCE, "e9", "a1", NOW - 3 * DAY, Source.INTERACTIONS, progress))
        .contains("e9", "window.grace", "a1", "newest interaction event time", "1972-09-27T05:00:00Z");
    assertThat(lateness.explain(Verdict.OLDER_THAN_KEPT_STATE, "e9", "a1", NOW - 40 * DAY, Source.QA_EVALUATIONS, progress))
        .contains("window.size + baseline.size", "PT840H", "no longer kept");
  }

  @Test
  void progressIsTheNewestTimePerSourceAndTheNewestOfBoth() {
    EventTimeProgress progress = new EventTimeProgress();
    assertThat(progress.newestOfAny()).isEqualTo(EventTimeProgress.NONE);
    progress.observed(Source.QA_EVALUATIONS, 50);
    progress.observed(Source.INTERACTIONS, 40);
    progress.observed(Source.INTERACTIONS, 30);
    assertThat(progress.newest(Source.INTERACTIONS)).isEqualTo(40);
    assertThat(progress.newest(Source.QA_EVALUATIONS)).isEqualTo(50);
    assertThat(progress.newestOfAny()).isEqualTo(50);
  }
}
