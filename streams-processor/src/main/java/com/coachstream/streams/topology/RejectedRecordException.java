package com.coachstream.streams.topology;

import com.coachstream.schemas.deadletter.DeadLetter;
import com.coachstream.schemas.validation.ReasonCode;

/**
 * Thrown by a processor for a record that must go to the dead-letter topic (invalid, late). The
 * processing-exception handler turns it into a dead letter carrying the record's original bytes and the
 * stream goes on. Carries no stack trace: it is an expected outcome, not a bug.
 */
public final class RejectedRecordException extends RuntimeException {

  private final DeadLetter.Stage stage;
  private final ReasonCode reason;

  public RejectedRecordException(DeadLetter.Stage stage, ReasonCode reason, String message) {
    super(message, null, false, false);
    this.stage = stage;
    this.reason = reason;
  }

  public DeadLetter.Stage stage() {
    return stage;
  }

  public ReasonCode reason() {
    return reason;
  }
}
