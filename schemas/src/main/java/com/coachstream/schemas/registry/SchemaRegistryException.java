package com.coachstream.schemas.registry;

/** The schema registry could not be reached ({@link #status()} 0), or answered with an error status. */
public class SchemaRegistryException extends RuntimeException {

  private final int status;

  public SchemaRegistryException(String message) {
    this(message, 0, null);
  }

  public SchemaRegistryException(String message, Throwable cause) {
    this(message, 0, cause);
  }

  public SchemaRegistryException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status the registry answered, or 0 if it did not answer. */
  public int status() {
    return status;
  }
}
