package com.coachstream.schemas.serde;

import com.coachstream.schemas.validation.ReasonCode;
import org.apache.kafka.common.errors.SerializationException;

/** A value that is not a readable CoachStream record; carries the dead-letter reason code. */
public class AvroDecodingException extends SerializationException {

  private final ReasonCode reason;

  public AvroDecodingException(ReasonCode reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public ReasonCode reason() {
    return reason;
  }
}
