package com.coachstream.schemas.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How CoachStream writes Avro records on its topics. Readers accept both (the first byte tells them apart),
 * so producers can move from one to the other one at a time.
 */
public enum WireFormat {
  /** Avro single-object encoding: {@code C3 01}, the 8-byte schema fingerprint, the body. No registry needed. */
  SINGLE_OBJECT("single-object"),
  /** The Confluent layout: {@code 00}, the 4-byte schema id of a schema registry, the body. */
  REGISTRY("registry");

  private final String id;

  WireFormat(String id) {
    this.id = id;
  }

  /** The name in settings and on the command line. */
  public String id() {
    return id;
  }

  public static WireFormat parse(String value) {
    String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.id.equals(wanted)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("wire.format must be one of "
            + Arrays.stream(values()).map(WireFormat::id).collect(Collectors.joining(", ")) + ", not '" + value + "'"));
  }
}
