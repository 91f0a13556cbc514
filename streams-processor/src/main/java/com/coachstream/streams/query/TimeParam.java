package com.coachstream.streams.query;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Query-string times: ISO-8601 instants ({@code 2024-03-04T00:00:00Z}) or epoch milliseconds. */
final class TimeParam {

  private TimeParam() { }

  static long parse(String name, String value, long fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    String v = value.trim();
    if (v.matches("-?\\d+")) {
      return Long.parseLong(v);
    }
    try {
      return Instant.parse(v).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " must be an ISO-8601 instant such as 2024-03-04T00:00:00Z or epoch "
          + "milliseconds, was '" + v + "'");
    }
  }
}
