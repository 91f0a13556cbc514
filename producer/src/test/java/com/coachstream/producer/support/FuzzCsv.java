package com.coachstream.producer.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * QA-tool CSV exports (see {@code QaCsvReader}) as generated and broken files: headers in any spelling and order,
 * evaluations of one to four criterion rows, a customer reference column the reader does not use, then cells
 * replaced by junk (unquoted commas that shift the row, stray quotes, line breaks, huge numbers, NaN, unicode,
 * very long text) and whole-file damage (truncation, random bytes, a byte-order mark, no header).
 */
public final class FuzzCsv {

  /** A file, how many evaluations it was written with, and whether anything was broken in it. */
  public record CsvFile(byte[] bytes, int evaluations, List<String> damage, List<String> customerRefs) {
    public String text() {
      return new String(bytes, UTF_8);
    }

    @Override
    public String toString() {
      return "CSV with " + evaluations + " evaluations, damage " + damage + ":\n" + (text().length() > 3_000 ? text().substring(0, 3_000) + "..." : text());
    }
  }

  private static final List<String> REQUIRED = List.of("evaluationId", "agentId", "evaluatedAt", "criterion", "score", "maxScore");
  private static final List<String> OPTIONAL = List.of("weight", "comment", "interactionId", "evaluatorId", "scorecardId",
      "autoFail", "purpose", "retracted", "comments", "customerRef");
  private static final List<String> CRITERIA = List.of("Empathy", "Active Listening", "compliance", "Product Knowledge", "Rapport");
  private static final List<String> JUNK = List.of("", "abc", "1e400", "NaN", "-Infinity", "12345678901234567890123", "0x1F",
      "\"unbalanced", "a,b", "x\"y", "line\nbreak", "\r", "\u0000", "\uFEFF", "e\u0301\u202E", "\uD83D\uDE00", "-0", " ", "TRUE",
      "yes", "CALIBRATION", "2026-13-45T99:99:99Z", "+1000000000-12-31T23:59:59Z");
  private static final Instant NOW = Instant.now();

  private FuzzCsv() { }

  public static Arbitrary<CsvFile> files() {
    return Arbitraries.randomValue(FuzzCsv::file);
  }

  private static CsvFile file(Random random) {
    List<String> columns = new ArrayList<>(REQUIRED);
    OPTIONAL.stream().filter(c -> random.nextBoolean()).forEach(columns::add);
    Collections.shuffle(columns, random);
    List<String> damage = new ArrayList<>();
    List<String> refs = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    int evaluations = random.nextInt(8);
    for (int e = 0; e < evaluations; e++) {
      String ref = "CR" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
      refs.add(ref);
      String evaluatedAt = NOW.minusSeconds(3_600 + random.nextInt(20 * 86_400)).toString();
      int criteria = 1 + random.nextInt(4);
      for (int c = 0; c < criteria; c++) {
        double max = random.nextBoolean() ? 5 : 10;
        List<String> row = new ArrayList<>();
        for (String column : columns) {
          row.add(cell(column, "qa-" + e, "agent-" + e, evaluatedAt, max, ref, random));
        }
        rows.add(row);
      }
    }
    for (int broken = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0; broken > 0 && !rows.isEmpty(); broken--) {
      List<String> row = rows.get(random.nextInt(rows.size()));
      int column = random.nextInt(row.size());
      String junk = random.nextInt(10) == 0 ? "x".repeat(1 + random.nextInt(50_000)) : JUNK.get(random.nextInt(JUNK.size()));
      damage.add(columns.get(column) + "=" + (junk.length() > 20 ? "long text" : junk));
      row.set(column, junk); // written as is: unquoted, so a comma or quote in it breaks the row
    }
    StringBuilder text = new StringBuilder();
    if (random.nextInt(10) != 0) {
      text.append(String.join(",", columns.stream().map(c -> spelled(c, random)).toList())).append(random.nextBoolean() ? "\n" : "\r\n");
    } else {
      damage.add("no header");
    }
    rows.forEach(row -> text.append(String.join(",", row)).append('\n'));
    byte[] bytes = text.toString().getBytes(UTF_8);
    return new CsvFile(damaged(bytes, damage, random), evaluations, damage, refs);
  }

  private static String cell(String column, String evaluationId, String agentId, String evaluatedAt, double max, String ref, Random random) {
    return switch (column) {
      case "evaluationId" -> evaluationId;
      case "agentId" -> agentId;
      case "evaluatedAt" -> evaluatedAt;
      case "criterion" -> CRITERIA.get(random.nextInt(CRITERIA.size()));
      case "score" -> Double.toString(random.nextInt((int) max * 2 + 1) / 2.0);
      case "maxScore" -> Double.toString(max);
      case "weight" -> random.nextBoolean() ? "1" : "2.5";
      case "comment", "comments" -> random.nextBoolean() ? "" : "\"good, \"\"clear\"\" opening\"";
      case "autoFail", "retracted" -> random.nextBoolean() ? "no" : "false";
      case "purpose" -> random.nextBoolean() ? "STANDARD" : "calibration";
      case "customerRef" -> ref;
      default -> column + "-1";
    };
  }

  /** {@code evaluationId} as {@code Evaluation ID}, {@code evaluation_id}, {@code EVALUATIONID} or itself. */
  private static String spelled(String column, Random random) {
    String words = column.replaceAll("([a-z])([A-Z])", "$1 $2");
    return switch (random.nextInt(4)) {
      case 0 -> Character.toUpperCase(words.charAt(0)) + words.substring(1).replace(" Id", " ID");
      case 1 -> words.toLowerCase(Locale.ROOT).replace(' ', '_');
      case 2 -> column.toUpperCase(Locale.ROOT);
      default -> column;
    };
  }

  private static byte[] damaged(byte[] bytes, List<String> damage, Random random) {
    switch (random.nextInt(12)) {
      case 0 -> {
        damage.add("truncated");
        return bytes.length < 2 ? bytes : Arrays.copyOf(bytes, 1 + random.nextInt(bytes.length - 1));
      }
      case 1 -> {
        damage.add("random bytes");
        byte[] noise = new byte[1 + random.nextInt(200)];
        random.nextBytes(noise);
        int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
        byte[] result = Arrays.copyOf(bytes, bytes.length + noise.length);
        System.arraycopy(noise, 0, result, at, noise.length);
        System.arraycopy(bytes, at, result, at + noise.length, bytes.length - at);
        return result;
      }
      case 2 -> {
        damage.add("byte-order mark");
        byte[] result = new byte[bytes.length + 3];
        result[0] = (byte) 0xEF;
        result[1] = (byte) 0xBB;
        result[2] = (byte) 0xBF;
        System.arraycopy(bytes, 0, result, 3, bytes.length);
        return result;
      }
      default -> {
        return bytes;
      }
    }
  }
}
