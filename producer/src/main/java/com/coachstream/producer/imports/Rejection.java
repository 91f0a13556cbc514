package com.coachstream.producer.imports;

import com.coachstream.schemas.validation.ReasonCode;

/**
 * A line of an import file that was not sent, and why. It never carries the line's content: a line may
 * hold a customer reference, which must not reach any output.
 */
public record Rejection(String file, long line, ReasonCode reason, String message) {

  @Override
  public String toString() {
    return file + ":" + line + ": " + reason + " " + message;
  }
}
