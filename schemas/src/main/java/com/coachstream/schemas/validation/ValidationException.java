package com.coachstream.schemas.validation;

import java.util.List;

/** Thrown at the edge (producer library, import, HTTP) for an event that breaks the rules of docs/concepts.md. */
public class ValidationException extends RuntimeException {

  private final List<Violation> violations;

  public ValidationException(List<Violation> violations) {
    super(describe(violations));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a validation failure needs at least one violation");
    }
    this.violations = List.copyOf(violations);
  }

  public ValidationException(ReasonCode reason, String field, String message) {
    this(List.of(new Violation(reason, field, message)));
  }

  public List<Violation> violations() {
    return violations;
  }

  /** The reason of the first violation: the code a dead letter or a summary line carries. */
  public ReasonCode reason() {
    return violations.get(0).reason();
  }

  private static String describe(List<Violation> violations) {
    return violations.stream().map(Violation::toString).reduce((a, b) -> a + "; " + b).orElse("invalid");
  }
}
