package com.coachstream.streams.window;

import com.coachstream.streams.window.EventTimeProgress.Source;

/**
 * How far one task has read each of its two sources: the newest event time read from its interactions partition
 * and from its QA-evaluations partition, whatever the agent. The agents of a partition share its records, so
 * these move on with every event, also for an agent who is evaluated rarely.
 *
 * <p>{@link #settled} is the event time up to which an agent's data is complete. It assumes what a live source
 * and {@code produce import} give: each source's records of a partition arrive in event-time order, give or take
 * {@code window.grace}. Then nothing more of a source older than its watermark minus the grace will come, and
 * lateness per agent ({@link Lateness}) rejects what is more than the grace behind the agent's own newest event of
 * that source. So a measurement that waits until the settled time passes its end plus the grace has the same
 * numbers in every interleaving of the two sources and of the partitions. The watermarks live in memory: after a
 * restart they start again from the agent's own newest times, which are never ahead of them, so the settled time
 * is then lower and a measurement closes later, with the same numbers.
 */
public final class SourceWatermarks {

  private final EventTimeProgress read = new EventTimeProgress();

  /** An event of {@code source} with this event time was read (accepted or not). */
  public void read(Source source, long eventTime) {
    read.observed(source, eventTime);
  }

  /** The newest event time read from {@code source}, or {@link EventTimeProgress#NONE} before the first. */
  public long newest(Source source) {
    return read.newest(source);
  }

  /**
   * The event time up to which the agent's data is settled: the slower of the two sources, each at the later of
   * its watermark and the agent's own newest event of it. A source that neither the task nor the agent has read
   * anything of yet does not count (an agent whose QA tool has never sent anything would otherwise hold back
   * for ever). Nor does a source hold the agent back by more than the state kept: nothing older than
   * {@link WindowSpec#keptStateStart} of the agent's newest event can be accepted anyway, so from that time plus
   * the grace on the agent counts as settled.
   *
   * @return {@link EventTimeProgress#NONE} before the agent's first event
   */
  public long settled(EventTimeProgress agent, WindowSpec windows) {
    long newestOfAny = agent.newestOfAny();
    if (newestOfAny == EventTimeProgress.NONE) {
      return EventTimeProgress.NONE;
    }
    long slower = Long.MAX_VALUE;
    for (Source source : Source.values()) {
      long reached = Math.max(agent.newest(source), read.newest(source));
      if (reached != EventTimeProgress.NONE) {
        slower = Math.min(slower, reached);
      }
    }
    return Math.max(slower, windows.keptStateStart(newestOfAny) + windows.graceMs());
  }
}
