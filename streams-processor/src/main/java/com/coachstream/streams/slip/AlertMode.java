package com.coachstream.streams.slip;

import java.util.Locale;

/** How SLIP and RECOVERY are decided: the exact fixed rules, or by probability (docs/concepts.md). */
public enum AlertMode {
  THRESHOLD, STATISTICAL;

  /** Parses a setting value ({@code threshold} or {@code statistical}, any case). */
  public static AlertMode parse(String value) {
    for (AlertMode mode : values()) {
      if (mode.name().equalsIgnoreCase(value.trim())) {
        return mode;
      }
    }
    throw new IllegalArgumentException("expected threshold or statistical, not '" + value + "'");
  }

  public String settingValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
