package com.coachstream.producer.imports;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats {@code produce import} reads. */
public enum ImportFormat {
  /** One JSON event object per line, with its {@code "type"}. */
  JSONL,
  /** QA evaluations as CSV, one row per criterion (see {@link QaCsvReader}). */
  CSV;

  /** By file name: {@code .csv} is CSV, anything else JSON lines. */
  public static ImportFormat of(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : JSONL;
  }
}
