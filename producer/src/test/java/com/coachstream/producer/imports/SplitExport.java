package com.coachstream.producer.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A backfill split as a new contact center exports it: a CCaaS export (the roster, then the interactions agent
 * by agent, so not in event-time order) and a QA export as CSV (evaluations in event-time order, two rows
 * each). Each evaluation is evaluated at the very millisecond one of the agent's interactions ended: a tie
 * across the files. Each file has one rejected line. Knows the order in which the import must send them.
 */
final class SplitExport {

  /** A valid event: its id, event time (Long.MIN_VALUE for the roster), file position and line. */
  record Line(String id, long eventTime, int file, long line) { }

  static final int INTERACTIONS_PER_DAY = 12;
  static final int EVALUATIONS_PER_DAY = 3;

  final Path ccaas;
  final Path qa;
  final List<Line> valid = new ArrayList<>();
  final long ccaasRejectedLine;
  final long qaRejectedLine;

  SplitExport(Path dir, int agents, int days) throws IOException {
    Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(days + 2L, ChronoUnit.DAYS);
    ccaas = dir.resolve("ccaas-export.jsonl");
    qa = dir.resolve("qa-export.csv");
    List<String> jsonl = new ArrayList<>();
    for (int a = 0; a < agents; a++) {
      jsonl.add("{\"type\":\"agent\",\"agentId\":\"" + agent(a) + "\",\"displayName\":\"Agent " + a + "\",\"teamId\":\"team-" + a % 3 + "\"}");
      valid.add(new Line(agent(a), Long.MIN_VALUE, 0, jsonl.size()));
    }
    jsonl.add("{\"type\":\"interaction\",\"interactionId\":\"bad\",\"agentId\":\"" + agent(0) + "\",\"channel\":\"VOICE\",\"startedAt\":\""
        + start + "\",\"endedAt\":\"" + start + "\",\"csat\":9}");
    ccaasRejectedLine = jsonl.size();
    for (int a = 0; a < agents; a++) {
      for (int d = 0; d < days; d++) {
        for (int k = 0; k < INTERACTIONS_PER_DAY; k++) {
          Instant ended = endedAt(start, a, d, k);
          String id = "i-" + a + "-" + d + "-" + k;
          jsonl.add("{\"type\":\"interaction\",\"interactionId\":\"" + id + "\",\"agentId\":\"" + agent(a) + "\",\"channel\":\"CHAT\","
              + "\"startedAt\":\"" + ended.minus(Duration.ofMinutes(7)) + "\",\"endedAt\":\"" + ended + "\",\"csat\":4,"
              + "\"customerRef\":\"cust-" + k + "\",\"skillSignals\":{\"empathy\":" + (60 + k) + "}}");
          valid.add(new Line(id, ended.toEpochMilli(), 0, jsonl.size()));
        }
      }
    }
    Files.write(ccaas, jsonl);

    StringBuilder csv = new StringBuilder("Evaluation ID,Agent ID,Evaluated At,Criterion,Score,Max Score\n");
    long line = 1;
    csv.append("e-bad,").append(agent(0)).append(',').append(start).append(",Charisma,3,5\n");
    qaRejectedLine = ++line;
    for (int d = 0; d < days; d++) {
      for (int j = 0; j < EVALUATIONS_PER_DAY; j++) {
        for (int a = 0; a < agents; a++) {
          Instant evaluated = endedAt(start, a, d, 4 * j + 3);
          String id = "e-" + a + "-" + d + "-" + j;
          csv.append(id).append(',').append(agent(a)).append(',').append(evaluated).append(",Empathy,4,5\n");
          csv.append(id).append(',').append(agent(a)).append(',').append(evaluated).append(",Compliance,5,5\n");
          valid.add(new Line(id, evaluated.toEpochMilli(), 1, ++line));
          line++;
        }
      }
    }
    Files.writeString(qa, csv);
  }

  /** Interaction k of agent a on day d; evaluations end at the same instants, so times tie across the files. */
  private static Instant endedAt(Instant start, int a, int d, int k) {
    return start.plus(Duration.ofDays(d)).plus(Duration.ofHours(8)).plus(Duration.ofMinutes(30L * k + a));
  }

  static String agent(int a) {
    return String.format("agent-%02d", a);
  }

  /** The ids in the order the import must send them: event time, then the file given first, then its line. */
  List<String> expectedOrder() {
    return valid.stream().sorted(Comparator.comparingLong(Line::eventTime).thenComparingInt(Line::file).thenComparingLong(Line::line))
        .map(Line::id).toList();
  }

  /** Lines of the CCaaS export that go before a line above them (the QA export is in order). */
  long expectedReordered() {
    long reordered = 0;
    long newest = Long.MIN_VALUE;
    for (Line line : valid) {
      if (line.file() == 0) {
        if (line.eventTime() < newest) {
          reordered++;
        }
        newest = Math.max(newest, line.eventTime());
      }
    }
    return reordered;
  }

  long count(String idPrefix) {
    return valid.stream().filter(l -> l.id().startsWith(idPrefix)).count();
  }

  Line line(String id) {
    return valid.stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
  }
}
