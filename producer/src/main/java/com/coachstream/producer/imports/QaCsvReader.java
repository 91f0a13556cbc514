package com.coachstream.producer.imports;

import com.coachstream.producer.ingest.EventChecker;
import com.coachstream.producer.ingest.EventChecker.Checked;
import com.coachstream.schemas.validation.ReasonCode;
import com.coachstream.schemas.validation.Violation;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
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
 * of its first row.
 */
public final class QaCsvReader implements RecordReader {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> EVALUATION_COLUMNS = Set.of(
      "interactionid", "agentid", "evaluatorid", "scorecardid", "evaluatedat", "comments");
  private static final Set<String> BOOLEAN_COLUMNS = Set.of("autofail", "retracted");

  private final MappingIterator<Map<String, String>> rows;
  private final EventChecker checker;
  private Row pending;
  private boolean exhausted;

  public QaCsvReader(Reader reader, EventChecker checker) throws IOException {
    CsvMapper mapper = CsvMapper.builder()
        .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
        .enable(CsvParser.Feature.TRIM_SPACES)
        .build();
    this.rows = mapper.readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader())
        .readValues(reader);
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
    return new SourceRecord(first.line, checker.check(evaluation));
  }

  private Row readRow() {
    if (exhausted) {
      return null;
    }
    try {
      if (!rows.hasNextValue()) {
        exhausted = true;
        return null;
      }
      // The parser now stands on the row's start token, which Jackson places at the end of the line before.
      long line = rows.getParser().currentTokenLocation().getLineNr() + 1;
      Map<String, String> raw = rows.nextValue();
      Map<String, String> normalised = new LinkedHashMap<>();
      raw.forEach((k, v) -> normalised.put(normalise(k), v == null ? "" : v.trim()));
      return new Row(line, normalised, null);
    } catch (IOException | RuntimeException e) {
      long line = rows.getCurrentLocation().getLineNr();
      String reason = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      return new Row(line, Map.of(), Checked.rejected(List.of(
          new Violation(ReasonCode.BAD_JSON, "row", "malformed CSV row: " + reason))));
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
    rows.close();
  }

  private record Row(long line, Map<String, String> cells, Checked error) {
    String get(String column) {
      return cells.getOrDefault(column, "");
    }
  }
}
