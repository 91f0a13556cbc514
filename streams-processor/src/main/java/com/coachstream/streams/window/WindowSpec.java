package com.coachstream.streams.window;

import java.time.Duration;

/**
 * The rolling windows of docs/concepts.md, aligned to the UTC epoch: windows of {@code size} starting every
 * {@code advance}; each window is made of {@code size / advance} consecutive slices of one {@code advance}.
 * The baseline of a window is the {@code baseline} period right before its start, also made of whole
 * slices. Which observations are too late to change a window is {@link Lateness}'s rule.
 *
 * <p>All times are epoch milliseconds; a window {@code [start, end)} includes its start and excludes its end.
 */
public record WindowSpec(Duration size, Duration advance, Duration grace, Duration baseline) {

  public static final WindowSpec DEFAULTS =
      new WindowSpec(Duration.ofDays(7), Duration.ofDays(1), Duration.ofHours(48), Duration.ofDays(28));

  public WindowSpec {
    require(advance.toMillis() > 0, "window.advance must be positive, was " + advance);
    require(size.toMillis() > 0, "window.size must be positive, was " + size);
    require(!grace.isNegative(), "window.grace must not be negative, was " + grace);
    require(baseline.toMillis() > 0, "baseline.size must be positive, was " + baseline);
    require(size.toMillis() % advance.toMillis() == 0,
        "window.size (" + size + ") must be a whole multiple of window.advance (" + advance + ")");
    require(baseline.toMillis() % advance.toMillis() == 0,
        "baseline.size (" + baseline + ") must be a whole multiple of window.advance (" + advance + ")");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  public long sizeMs() {
    return size.toMillis();
  }

  public long advanceMs() {
    return advance.toMillis();
  }

  public long graceMs() {
    return grace.toMillis();
  }

  public long baselineMs() {
    return baseline.toMillis();
  }

  /** Start of the slice (one advance step, epoch aligned) that holds time t. */
  public long sliceStart(long t) {
    return Math.floorDiv(t, advanceMs()) * advanceMs();
  }

  /**
   * Start of t's current window: the window ending at the first advance boundary after t. A t exactly on a
   * boundary b belongs to the window ending at b + advance.
   */
  public long currentWindowStart(long t) {
    return currentWindowEnd(t) - sizeMs();
  }

  public long currentWindowEnd(long t) {
    return sliceStart(t) + advanceMs();
  }

  /** Start of the earliest window holding t; the windows holding t start there and every advance up to t's slice. */
  public long firstWindowStartContaining(long t) {
    return currentWindowStart(t);
  }

  /** Start of the last window holding t: the one that starts with t's slice. */
  public long lastWindowStartContaining(long t) {
    return sliceStart(t);
  }

  public int slicesPerWindow() {
    return (int) (sizeMs() / advanceMs());
  }

  /**
   * The oldest event time an agent's state still accepts once its newest event time (of any source) is
   * {@code newest}: {@code window.size + baseline.size} behind it. Older observations are late.
   */
  public long keptStateStart(long newest) {
    return newest - sizeMs() - baselineMs();
  }

  /**
   * The oldest slice an agent's state still needs once its newest event time (of any source) is
   * {@code newest}: every window holding a time not older than {@link #keptStateStart} may still change and
   * be published again, and the ids of events are remembered (with their slice) at least
   * {@code window.size + baseline.size + window.grace}. The latest window's baseline starts later than both.
   */
  public long oldestUsefulSlice(long newest) {
    return Math.min(firstWindowStartContaining(keptStateStart(newest)),
        sliceStart(keptStateStart(newest) - graceMs()));
  }
}
