package com.coachstream.streams.window;

/**
 * How far event time has got for one agent in each of its two sources (the interactions topic and the
 * QA-evaluations topic): the newest accepted event time of each. The two systems run, fail and catch up
 * independently, so one source may lag the other by days; lateness is judged per source
 * ({@link Lateness}), while the agent's latest window follows the newest of both.
 */
public final class EventTimeProgress {

  public static final long NONE = Long.MIN_VALUE;

  /** Where an event comes from; each source's event time advances on its own. */
  public enum Source { INTERACTIONS, QA_EVALUATIONS }

  private long newestInteraction = NONE;
  private long newestEvaluation = NONE;

  public EventTimeProgress() { }

  public EventTimeProgress(long newestInteraction, long newestEvaluation) {
    this.newestInteraction = newestInteraction;
    this.newestEvaluation = newestEvaluation;
  }

  /** The newest accepted event time of {@code source}, or {@link #NONE} before its first event. */
  public long newest(Source source) {
    return source == Source.INTERACTIONS ? newestInteraction : newestEvaluation;
  }

  /** The newest accepted event time over both sources, or {@link #NONE} before the first event. */
  public long newestOfAny() {
    return Math.max(newestInteraction, newestEvaluation);
  }

  public void observed(Source source, long eventTime) {
    if (source == Source.INTERACTIONS) {
      newestInteraction = Math.max(newestInteraction, eventTime);
    } else {
      newestEvaluation = Math.max(newestEvaluation, eventTime);
    }
  }
}
