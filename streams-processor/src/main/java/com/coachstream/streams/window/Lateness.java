package com.coachstream.streams.window;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether an observation is too late to change a window. Event-time progress is tracked per agent and per
 * source, so the result does not depend on which source's backlog is read first:
 * <ul>
 *   <li>{@link Verdict#BEHIND_ITS_SOURCE}: more than {@code window.grace} behind the newest event time of its
 *       own source for that agent (an out-of-order straggler within one source);</li>
 *   <li>{@link Verdict#OLDER_THAN_KEPT_STATE}: more than {@code window.size + baseline.size} behind the agent's
 *       newest event time of any source: its slices are no longer kept;</li>
 *   <li>otherwise {@link Verdict#ON_TIME}: it updates every window it belongs to, however far its source
 *       lags the other one.</li>
 * </ul>
 */
public final class Lateness {

  /** The outcome for one observation. */
  public enum Verdict { ON_TIME, BEHIND_ITS_SOURCE, OLDER_THAN_KEPT_STATE }

  private final WindowSpec windows;

  public Lateness(WindowSpec windows) {
    this.windows = windows;
  }

  public Verdict judge(long eventTime, EventTimeProgress.Source source, EventTimeProgress progress) {
    long newestOwn = progress.newest(source);
    if (newestOwn != EventTimeProgress.NONE && eventTime < newestOwn - windows.graceMs()) {
      return Verdict.BEHIND_ITS_SOURCE;
    }
    long newestAny = progress.newestOfAny();
    if (newestAny != EventTimeProgress.NONE && eventTime < windows.keptStateStart(newestAny)) {
      return Verdict.OLDER_THAN_KEPT_STATE;
    }
    return Verdict.ON_TIME;
  }

  /** Why a {@code verdict} other than ON_TIME was given, for the dead letter's message. */
  public String explain(Verdict verdict, String sourceId, String agentId, long eventTime,
      EventTimeProgress.Source source, EventTimeProgress progress) {
    String event = "Event " + sourceId + " at " + Instant.ofEpochMilli(eventTime);
    return switch (verdict) {
      case BEHIND_ITS_SOURCE -> event + " is more than " + windows.grace() + " (window.grace) behind agent " + agentId
          + "'s newest " + describe(source) + " event time " + Instant.ofEpochMilli(progress.newest(source));
      case OLDER_THAN_KEPT_STATE -> event + " is more than " + Duration.ofMillis(windows.sizeMs() + windows.baselineMs())
          + " (window.size + baseline.size) behind agent " + agentId + "'s newest event time "
          + Instant.ofEpochMilli(progress.newestOfAny()) + ": the state it would change is no longer kept";
      case ON_TIME -> event + " is on time";
    };
  }

  private static String describe(EventTimeProgress.Source source) {
    return source == EventTimeProgress.Source.INTERACTIONS ? "interaction" : "QA evaluation";
  }
}
