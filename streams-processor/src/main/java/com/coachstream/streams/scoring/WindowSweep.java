package com.coachstream.streams.scoring;

import com.coachstream.streams.window.WindowSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Consecutive windows of one agent (every {@code window.advance} from a first to a last start), derived in
 * one pass over their slices: each window slides from the previous one by adding the slices that enter it
 * and subtracting those that leave (exact sums), so publishing or querying k windows costs
 * O(k + slices), not O(k × size/advance).
 */
public final class WindowSweep {

  private final WindowSpec windows;

  public WindowSweep(WindowSpec windows) {
    this.windows = windows;
  }

  /** Receives each window's start and view, oldest first. */
  @FunctionalInterface
  public interface WindowConsumer {
    void accept(long windowStart, WindowView window);
  }

  /**
   * The windows starting at {@code firstStart}, {@code firstStart + advance}, ... up to {@code lastStart}.
   *
   * @param slices the stored slices with start in {@code [firstStart, lastStart + size)}, oldest first
   */
  public void sweep(SortedMap<Long, Slice> slices, long firstStart, long lastStart, WindowConsumer consumer) {
    List<Map.Entry<Long, Slice>> ordered = new ArrayList<>(slices.entrySet());
    PeriodSums sums = new PeriodSums();
    Extremes extremes = new Extremes();
    long latest = Long.MIN_VALUE;
    int entered = 0;
    int left = 0;
    for (long start = firstStart; start <= lastStart; start += windows.advanceMs()) {
      long end = start + windows.sizeMs();
      while (entered < ordered.size() && ordered.get(entered).getKey() < end) {
        Map.Entry<Long, Slice> slice = ordered.get(entered++);
        slice.getValue().contributeTo(sums, 1);
        slice.getValue().extremesInto(extremes, slice.getKey());
        long counted = slice.getValue().latestCountedTime();
        if (counted != Long.MIN_VALUE) {
          latest = counted; // slices enter oldest first, and each one's times lie within it
        }
      }
      while (left < entered && ordered.get(left).getKey() < start) {
        ordered.get(left++).getValue().contributeTo(sums, -1);
      }
      extremes.dropBefore(start);
      if (latest < start) {
        latest = Long.MIN_VALUE;
      }
      consumer.accept(start, WindowView.of(sums, extremes, latest));
    }
  }
}
