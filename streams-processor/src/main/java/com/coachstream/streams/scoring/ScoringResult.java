package com.coachstream.streams.scoring;

import com.coachstream.avro.CoachingAlert;
import java.util.List;

/**
 * What scoring one event did: its outcome, the agent's latest window (its start, and the window itself to
 * publish at once when the event changed it, else null: the older windows an event changed are published
 * by the processor's sweep), and the alerts it raised.
 */
public record ScoringResult(Outcome outcome, long windowStart, WindowView window, List<CoachingAlert> alerts,
    String lateMessage) {

  public enum Outcome {
    /** A new event, applied. */
    ACCEPTED,
    /** A QA evaluation re-sent with different content: the earlier one withdrawn, this one applied. */
    CORRECTED,
    /** A QA evaluation re-sent with retracted = true: the earlier one withdrawn. */
    RETRACTED,
    /** An id already accepted with the same content (or an interaction id already accepted): ignored. */
    DUPLICATE,
    /** Too late to change a window (see {@code Lateness}): to the dead-letter topic. */
    LATE
  }

  static ScoringResult duplicate() {
    return new ScoringResult(Outcome.DUPLICATE, AgentState.NONE, null, List.of(), null);
  }

  static ScoringResult late(String message) {
    return new ScoringResult(Outcome.LATE, AgentState.NONE, null, List.of(), message);
  }

  /** Whether the agent's state changed, so it must be written back. */
  public boolean changedState() {
    return outcome != Outcome.DUPLICATE && outcome != Outcome.LATE;
  }
}
