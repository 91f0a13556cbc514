package com.coachstream.streams.actions;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which alerts a query wants by status: {@code open}, {@code closed} (acknowledged, dismissed or coached), one
 * status by name ({@code acknowledged}, {@code dismissed}, {@code coached}), or {@code all} (the default).
 */
public final class StatusFilter {

  private StatusFilter() { }

  /** The filter named by {@code value} (null: all). */
  public static Predicate<AlertStatus.Status> parse(String value) {
    if (value == null || value.isBlank() || value.equalsIgnoreCase("all")) {
      return status -> true;
    }
    String name = value.trim().toUpperCase(Locale.ROOT);
    if (name.equals("CLOSED")) {
      return status -> status != AlertStatus.Status.OPEN;
    }
    for (AlertStatus.Status status : AlertStatus.Status.values()) {
      if (status.name().equals(name)) {
        return status::equals;
      }
    }
    throw new IllegalArgumentException("status must be one of open, closed, acknowledged, dismissed, coached, all; was '"
        + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "'");
  }
}
