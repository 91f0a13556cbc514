package com.coachstream.common.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a signed-in caller is to CoachStream; a caller may hold several roles. */
public enum Role {
  /** An agent: sees only themself. */
  AGENT("agent"),
  /** A supervisor: sees the agents of their teams and acts on their alerts. */
  SUPERVISOR("supervisor"),
  /** A QA manager: sees every team, rule precision and coaching effects. */
  QA_MANAGER("qa-manager"),
  /** An administrator: everything, including operations endpoints. */
  ADMIN("admin"),
  /** A sending system: may post events to the ingest endpoint, read nothing. */
  SENDER("sender"),
  /** Another CoachStream process (forwarding, monitoring): operations endpoints. */
  SERVICE("service");

  private final String label;

  Role(String label) {
    this.label = label;
  }

  /** The name used in users files and token claims, such as {@code qa-manager}. */
  public String label() {
    return label;
  }

  /** The role named {@code label} (case-insensitive), or empty for a name CoachStream does not know. */
  public static Optional<Role> of(String label) {
    String wanted = label == null ? "" : label.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(r -> r.label.equals(wanted)).findFirst();
  }
}
