package com.coachstream.streams.slip;

/**
 * {@code slip.sustain=X/Y}: a SLIP only when the slip condition held in X of the agent's last Y windows.
 * Each category keeps a {@link Track}: which of its last 64 windows (one per {@code window.advance}) the
 * condition held in, as bits, bit 0 the latest window; the agent's last evaluation in a window decides that
 * window's bit, and a window with no event of the category counts as not held. O(1) per event.
 */
public record SustainedRule(int required, int windows) {

  public static final SustainedRule ONCE = new SustainedRule(1, 1);

  public SustainedRule {
    if (required < 1 || windows < required || windows > 64) {
      throw new IllegalArgumentException("slip.sustain must be X/Y with 1 <= X <= Y <= 64, was " + required + "/" + windows);
    }
  }

  /** Parses {@code X/Y}. */
  public static SustainedRule parse(String value) {
    String[] parts = value.trim().split("/");
    try {
      if (parts.length == 2) {
        return new SustainedRule(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("slip.sustain must be X/Y (e.g. 2/3), was '" + value + "'");
  }

  /** The default 1/1: the condition of the latest window alone decides, exactly as without this rule. */
  public boolean isOnce() {
    return required == 1 && windows == 1;
  }

  /** Where the condition held: bit i is the window {@code i} advances before {@code windowStart}. */
  public record Track(long windowStart, long held) {
    public static final Track NONE = new Track(Long.MIN_VALUE, 0);
  }

  /** The track after the condition was (or was not) met in the window starting at {@code windowStart}. */
  public static Track record(Track track, long windowStart, long advanceMs, boolean condition) {
    long held = track.held();
    if (track.windowStart() == Long.MIN_VALUE) {
      held = 0;
    } else if (windowStart > track.windowStart()) {
      long shift = (windowStart - track.windowStart()) / advanceMs;
      held = shift >= 64 ? 0 : held << shift;
    } else if (windowStart < track.windowStart()) {
      return track; // the latest window never moves back
    }
    held = condition ? held | 1 : held & ~1L;
    return new Track(windowStart, held);
  }

  /** Whether the condition held in at least X of the last Y windows. */
  public boolean sustained(Track track) {
    long mask = windows == 64 ? -1L : (1L << windows) - 1;
    return Long.bitCount(track.held() & mask) >= required;
  }
}
