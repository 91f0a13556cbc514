package com.coachstream.schemas.validation;

/** One broken rule: which field, why, and a message a person sending the event can act on. */
public record Violation(ReasonCode reason, String field, String message) {

  @Override
  public String toString() {
    return reason + " " + field + ": " + message;
  }
}
