package com.coachstream.producer.imports;

import com.coachstream.producer.ingest.EventChecker;
import com.coachstream.producer.ingest.EventChecker.Checked;
import com.coachstream.schemas.json.NoEcho;
import com.coachstream.schemas.validation.ReasonCode;
import com.coachstream.schemas.validation.Violation;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * QA evaluations as QA tools export them: CSV with a header row, one row per scorecard criterion, the rows
 * of one evaluation next to each other. Header names are matched ignoring case, spaces and punctuation
 * ({@code Evaluation ID} = {@code evaluation_id} = {@code evaluationId}).
 *
 * <p>Columns: {@code evaluationId}, {@code agentId}, {@code evaluatedAt} (ISO-8601), {@code criterion}
 * (skill id or alias; also accepted as {@code skill}), {@code score}, {@code maxScore} are required;
 * {@code weight} (default 1), {@code comment} per row; {@code interactionId}, {@code evaluatorId},
 * {@code scorecardId}, {@code autoFail}, {@code purpose} (STANDARD | CALIBRATION), {@code retracted},
 * {@code comments} are taken from the evaluation's first row. A rejected evaluation is reported at the line
 * of its first row; a row with more or fewer cells than the header is rejected as malformed.
 */
public final class QaCsvReader implements RecordReader {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> EVALUATION_COLUMNS = Set.of(
      "interactionid", "agentid", "evaluatorid", "scorecardid", "evaluatedat", "comments");
  private static final Set<String> BOOLEAN_COLUMNS = Set.of("autofail", "retracted");

  private static final ObjectReader ROWS = CsvMapper.builder()
      .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
      .enable(CsvParser.Feature.TRIM_SPACES)
      // A row with fewer cells than the header is malformed (a stray line break), not a row with blanks.
      .enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
      .build()
      .readerForMapOf(String.class)
      .with(CsvSchema.emptySchema().withHeader());
  /** How far ahead the reader looks for anything but white space before it reads the header. */
  private static final int BLANK_LOOKAHEAD = 1 << 16;

  private final BufferedReader source;
  private final EventChecker checker;
  private MappingIterator<Map<String, String>> rows;
  private Row pending;
  private long lastMalformedLine;
  private boolean exhausted;

  /** Reads the header with the first record, so that a broken header is a rejected line, not a failed import. */
  public QaCsvReader(Reader reader, EventChecker checker) {
    this.source = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
    this.checker = checker;
  }

  @Override
  public SourceRecord next() throws IOException {
    Row first = pending != null ? pending : readRow();
    pending = null;
    if (first == null) {
      return null;
    }
    if (first.error != null) {
      return new SourceRecord(first.line, first.error);
    }
    String id = first.get("evaluationid");
    ObjectNode evaluation = evaluationOf(first);
    ArrayNode criteria = evaluation.putArray("criteria");
    criteria.add(criterionOf(first));
    for (Row row = readRow(); row != null; row = readRow()) {
      if (row.error != null || id.isEmpty() || !id.equals(row.get("evaluationid"))) {
        pending = row;
        break;
      }
      criteria.add(criterionOf(row));
    }
    return new SourceRecord(first.line, withoutCellText(checker.check(evaluation)));
  }

  /**
   * A stray quote can still make a row of the right length whose cells sit under the wrong headers, so a
   * message quoting "the evaluatedAt" might quote a customer reference: CSV messages name the field, not its text.
   */
  private static Checked withoutCellText(Checked checked) {
    return checked.isValid() ? checked : Checked.rejected(checked.violations().stream()
        .map(v -> new Violation(v.reason(), v.field(), NoEcho.redact(v.message()))).toList());
  }

  /** The next row; a malformed row once, however many times the parser stumbles over what is left of it. */
  private Row readRow() {
    if (exhausted) {
      return null;
    }
    if (rows == null) {
      Row unreadableHeader = openWithHeader();
      if (rows == null) {
        exhausted = true;
        return unreadableHeader; // null for a blank file
      }
    }
    Row row = parseRow();
    while (row != null && row.error != null && row.line <= lastMalformedLine) {
      row = parseRow();
    }
    if (row != null && row.error != null) {
      lastMalformedLine = row.line;
    }
    return row;
  }

  private Row parseRow() {
    long line = rows.getCurrentLocation().getLineNr();
    try {
      if (!rows.hasNextValue()) {
        exhausted = true;
        return null;
      }
      // The parser now stands on the row's start token, which Jackson places at the end of the line before;
      // a row that turns out malformed is reported there too, not where the parser gave up.
      line = rows.getParser().currentTokenLocation().getLineNr() + 1;
      Map<String, String> raw = rows.nextValue();
      Map<String, String> normalised = new LinkedHashMap<>();
      raw.forEach((k, v) -> normalised.put(normalise(k), v == null ? "" : v.trim()));
      return new Row(line, normalised, null);
    } catch (IOException | RuntimeException e) {
      return new Row(line, Map.of(), Checked.rejected(List.of(
          new Violation(ReasonCode.BAD_JSON, "row", "malformed CSV row: " + NoEcho.describe(e)))));
    }
  }

  /**
   * Reads the header row. Null when it was read, or when the file is blank (no evaluations, nothing to report);
   * otherwise one rejection at line 1: no row after a header that cannot be read can be matched to its columns.
   */
  private Row openWithHeader() {
    try {
      if (!onlyWhiteSpace()) {
        rows = ROWS.readValues(source);
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return new Row(1, Map.of(), Checked.rejected(List.of(
          new Violation(ReasonCode.BAD_JSON, "header", "malformed CSV header: " + NoEcho.describe(e)))));
    }
  }

  private boolean onlyWhiteSpace() throws IOException {
    source.mark(BLANK_LOOKAHEAD);
    try {
      for (int i = 0; i < BLANK_LOOKAHEAD; i++) {
        int c = source.read();
        if (c < 0) {
          return true;
        }
        if (!Character.isWhitespace(c)) {
          return false;
        }
      }
      return false;
    } finally {
      source.reset();
    }
  }

  private static ObjectNode evaluationOf(Row row) {
    ObjectNode node = NODES.objectNode();
    node.put("type", "qa_evaluation");
    node.put("evaluationId", row.get("evaluationid"));
    for (String column : EVALUATION_COLUMNS) {
      putText(node, camel(column), row.get(column));
    }
    for (String column : BOOLEAN_COLUMNS) {
      putBoolean(node, column.equals("autofail") ? "autoFail" : "retracted", row.get(column));
    }
    putText(node, "purpose", row.get("purpose"));
    return node;
  }

  private static ObjectNode criterionOf(Row row) {
    ObjectNode criterion = NODES.objectNode();
    String skill = row.get("criterion").isEmpty() ? row.get("skill") : row.get("criterion");
    putText(criterion, "skill", skill);
    putNumber(criterion, "score", row.get("score"));
    putNumber(criterion, "maxScore", row.get("maxscore"));
    putNumber(criterion, "weight", row.get("weight"));
    putText(criterion, "comment", row.get("comment"));
    return criterion;
  }

  /** Leaves a blank cell out, so the field is missing (or its default); a non-number stays text and is refused. */
  private static void putNumber(ObjectNode node, String field, String value) {
    if (value.isEmpty()) {
      return;
    }
    try {
      node.put(field, Double.parseDouble(value));
    } catch (NumberFormatException e) {
      node.put(field, value);
    }
  }

  private static void putBoolean(ObjectNode node, String field, String value) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "" -> { }
      case "true", "yes", "y", "1" -> node.put(field, true);
      case "false", "no", "n", "0" -> node.put(field, false);
      default -> node.put(field, value);
    }
  }

  private static void putText(ObjectNode node, String field, String value) {
    if (!value.isEmpty()) {
      node.put(field, value);
    }
  }

  private static String camel(String column) {
    return switch (column) {
      case "interactionid" -> "interactionId";
      case "agentid" -> "agentId";
      case "evaluatorid" -> "evaluatorId";
      case "scorecardid" -> "scorecardId";
      case "evaluatedat" -> "evaluatedAt";
      default -> column;
    };
  }

  static String normalise(String header) {
    return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  @Override
  public void close() throws IOException {
    if (rows != null) {
      rows.close();
    }
    source.close();
  }

  private record Row(long line, Map<String, String> cells, Checked error) {
    String get(String column) {
      return cells.getOrDefault(column, "");
    }
  }
}
