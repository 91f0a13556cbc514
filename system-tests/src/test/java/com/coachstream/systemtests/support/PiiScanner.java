package com.coachstream.systemtests.support;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds customer references in text or bytes. Every reference sent must match {@link #FORMAT} (checked by
 * {@link #requireFormat}), so a scan for that format finds any of them wherever it appears, without
 * searching for each of thousands of values one by one. Counts what it found per place, for the report.
 */
public final class PiiScanner {

  /** The simulator's format ({@code cust-%08x}), which the test's own references follow too. */
  public static final Pattern FORMAT = Pattern.compile("cust-[0-9a-f]{8}");

  private final Set<String> references;
  private final TreeMap<String, Integer> found = new TreeMap<>();
  private final TreeMap<String, Integer> scanned = new TreeMap<>();

  public PiiScanner(Set<String> references) {
    this.references = Set.copyOf(references);
  }

  public static void requireFormat(String reference) {
    if (!FORMAT.matcher(reference).matches()) {
      throw new IllegalArgumentException("customerRef '" + reference + "' does not match " + FORMAT + ": the scan would miss it");
    }
  }

  /** Scans {@code text} found at {@code place} (e.g. "alerts topic"); returns how many references it holds. */
  public int scan(String place, String text) {
    scanned.merge(place, 1, Integer::sum);
    int hits = 0;
    Matcher matcher = FORMAT.matcher(text == null ? "" : text);
    while (matcher.find()) {
      if (references.contains(matcher.group())) {
        hits++;
      }
    }
    if (hits > 0) {
      found.merge(place, hits, Integer::sum);
    }
    return hits;
  }

  /** Bytes read as Latin-1, so that every byte is one character and no byte sequence is lost to decoding. */
  public int scan(String place, byte[] bytes) {
    return scan(place, bytes == null ? "" : new String(bytes, StandardCharsets.ISO_8859_1));
  }

  /** References found per place. */
  public TreeMap<String, Integer> found() {
    return new TreeMap<>(found);
  }

  /** Items scanned per place. */
  public TreeMap<String, Integer> scanned() {
    return new TreeMap<>(scanned);
  }
}
