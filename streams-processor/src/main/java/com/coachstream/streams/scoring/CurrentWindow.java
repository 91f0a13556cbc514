package com.coachstream.streams.scoring;

import com.coachstream.avro.SkillCategory;
import com.coachstream.streams.stats.Moments;
import com.coachstream.streams.window.WindowSpec;
import java.util.List;
import java.util.Map;

/**
 * The agent's current window (the one ending with the slice of its newest event) and that window's
 * baseline, kept as running sums inside the agent's state, so scoring an in-order event derives both in
 * O(1) whatever {@code window.size / window.advance}. When the newest event moves to a later slice, the
 * window slides: slices leaving it are subtracted (exact sums) and move into the baseline, slices leaving
 * the baseline are subtracted; each slice is read twice in its life. Min and max slide in
 * {@link Extremes}; the newest counted event time is the window's {@code updatedAt}.
 *
 * <p>Invariant: every change to a stored slice inside the window or the baseline is applied here too.
 */
public final class CurrentWindow {

  static final long NONE = Long.MIN_VALUE;

  long anchor = NONE;
  PeriodSums window = new PeriodSums();
  Extremes extremes = new Extremes();
  long latest = Long.MIN_VALUE;
  PeriodSums baseline = new PeriodSums();
  /** Read from agent state before version 5, which had no per-event moments: rebuilt from the slices on first use. */
  boolean momentsMissing;

  /** Start of the newest slice, or {@link #NONE} before the first event. */
  public long anchor() {
    return anchor;
  }

  long windowStart(WindowSpec spec) {
    return anchor - spec.sizeMs() + spec.advanceMs();
  }

  private long windowEnd(WindowSpec spec) {
    return anchor + spec.advanceMs();
  }

  /** Makes the slice starting at {@code slice} the newest, sliding the window forward if it is later. */
  void advanceTo(long slice, WindowSpec spec, AgentHistory history) {
    if (momentsMissing && anchor != NONE) {
      rebuild(spec, history);
    }
    momentsMissing = false;
    if (anchor == NONE) {
      anchor = slice;
      rebuild(spec, history);
      return;
    }
    if (slice <= anchor) {
      return;
    }
    long oldStart = windowStart(spec);
    long oldEnd = windowEnd(spec);
    long newStart = slice - spec.sizeMs() + spec.advanceMs();
    long newBaselineStart = newStart - spec.baselineMs();
    for (Map.Entry<Long, Slice> leaving : history.slices(oldStart, Math.min(newStart, oldEnd)).entrySet()) {
      leaving.getValue().contributeTo(window, -1);
      if (leaving.getKey() >= newBaselineStart) {
        leaving.getValue().contributeTo(baseline, 1);
      }
    }
    long oldBaselineStart = oldStart - spec.baselineMs();
    for (Slice leaving : history.slices(oldBaselineStart, Math.min(newBaselineStart, oldStart)).values()) {
      leaving.contributeTo(baseline, -1);
    }
    extremes.dropBefore(newStart);
    if (latest < newStart) {
      latest = Long.MIN_VALUE;
    }
    anchor = slice;
  }

  /**
   * Applies a source event's observations (and KPIs, for an interaction) added to ({@code sign} 1) or
   * withdrawn from ({@code sign} -1) the slice starting at {@code slice}. After a withdrawal inside the
   * window, call {@link #rebuildExtremes}.
   */
  void apply(long slice, List<Observation> observations, InteractionKpi kpi, long eventTime, int sign,
      WindowSpec spec) {
    if (anchor == NONE) {
      return;
    }
    long windowStart = windowStart(spec);
    if (slice >= windowStart && slice < windowEnd(spec)) {
      Slice.contributeTo(window, observations, sign);
      if (kpi != null) {
        window.kpis.add(kpi);
      }
      if (sign > 0) {
        observations.forEach(o -> extremes.add(o.skill(), slice, o.score(), o.score()));
        if (!observations.isEmpty() || kpi != null) {
          latest = Math.max(latest, eventTime);
        }
      }
    } else if (slice >= windowStart - spec.baselineMs() && slice < windowStart) {
      Slice.contributeTo(baseline, observations, sign);
      if (kpi != null) {
        baseline.kpis.add(kpi);
      }
    }
  }

  /** Whether the slice starting at {@code slice} is inside the current window. */
  boolean inWindow(long slice, WindowSpec spec) {
    return anchor != NONE && slice >= windowStart(spec) && slice < windowEnd(spec);
  }

  /** Recomputes min, max and the newest event time from the stored slices (after a withdrawal). */
  void rebuildExtremes(WindowSpec spec, AgentHistory history) {
    extremes.clear();
    latest = Long.MIN_VALUE;
    for (Map.Entry<Long, Slice> e : history.slices(windowStart(spec), windowEnd(spec)).entrySet()) {
      e.getValue().extremesInto(extremes, e.getKey());
      latest = Math.max(latest, e.getValue().latestCountedTime());
    }
  }

  /** Recomputes everything from the stored slices. */
  void rebuild(WindowSpec spec, AgentHistory history) {
    window.clear();
    baseline.clear();
    history.slices(windowStart(spec), windowEnd(spec)).values().forEach(s -> s.contributeTo(window, 1));
    history.slices(windowStart(spec) - spec.baselineMs(), windowStart(spec)).values()
        .forEach(s -> s.contributeTo(baseline, 1));
    rebuildExtremes(spec, history);
  }

  /** Statistical mode's per-event samples of a category in the current window. */
  Moments moments(SkillCategory category) {
    return window.moments(category);
  }

  /** Statistical mode's per-event samples of a category in the current window's baseline. */
  Moments baselineMoments(SkillCategory category) {
    return baseline.moments(category);
  }

  /** The current window as scoring and records see it (without evidence). */
  WindowView view() {
    return WindowView.of(window, extremes, latest);
  }

  /** The current window's baseline (skill and category scores, samples). */
  WindowView baselineView() {
    return WindowView.of(baseline, null, Long.MIN_VALUE);
  }

  void write(StateWriter out, boolean withMoments) {
    out.writeZigZag(anchor);
    if (anchor != NONE) {
      SkillNames names = new SkillNames();
      names.add(window.skills.keySet());
      names.add(baseline.skills.keySet());
      names.add(extremes.skills());
      names.write(out);
      window.write(out, names, withMoments);
      extremes.write(out, names, anchor);
      out.writeZigZag(latest == Long.MIN_VALUE ? Long.MIN_VALUE : latest - anchor);
      baseline.write(out, names, withMoments);
    }
  }

  /** Reads a window written by {@link #write}; {@code withMoments} false for agent state before version 5. */
  static CurrentWindow read(StateReader in, boolean withMoments) {
    CurrentWindow current = new CurrentWindow();
    current.momentsMissing = !withMoments;
    current.anchor = in.readZigZag();
    if (current.anchor != NONE) {
      String[] names = SkillNames.read(in);
      current.window = PeriodSums.read(in, names, withMoments);
      current.extremes = Extremes.read(in, names, current.anchor);
      long latest = in.readZigZag();
      current.latest = latest == Long.MIN_VALUE ? Long.MIN_VALUE : current.anchor + latest;
      current.baseline = PeriodSums.read(in, names, withMoments);
    }
    return current;
  }
}
