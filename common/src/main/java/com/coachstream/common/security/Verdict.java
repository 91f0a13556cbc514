package com.coachstream.common.security;

/** The access policy's answer for a caller and an operation, with the HTTP status a refusal answers. */
public enum Verdict {
  ALLOW(200),
  /** No (valid) credentials: 401. */
  UNAUTHENTICATED(401),
  /** Signed in, but the caller's roles do not allow the operation: 403. */
  FORBIDDEN(403);

  private final int status;

  Verdict(int status) {
    this.status = status;
  }

  public int status() {
    return status;
  }
}
