package com.coachstream.producer.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.producer.imports.NotWritten.Why;
import com.coachstream.schemas.validation.ReasonCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ImportSummaryTest {

  static String printed(ImportSummary summary) {
    StringWriter out = new StringWriter();
    summary.print(new PrintWriter(out));
    return out.toString();
  }

  @Test
  void aCleanImportSaysHowManyLinesWereReordered() {
    ImportSummary summary = new ImportSummary();
    summary.readFiles(2, 3, 0);
    summary.accepted(false);
    summary.accepted(true);
    summary.duplicate();
    assertThat(printed(summary)).isEqualTo(String.format(
        "accepted 2 (corrections 1), duplicates 1, rejected 0, not written 0%n"
        + "sent in event-time order across 2 files: 3 lines reordered (sent before a line above them in their file)%n"));
    assertThat(summary.exitCode()).isZero();
  }

  @Test
  void rejectionsExitOne() {
    ImportSummary summary = new ImportSummary();
    summary.readFiles(1, 1, 4);
    summary.rejected(new Rejection("a.jsonl", 4, ReasonCode.BAD_JSON, "value: cannot read the event"));
    assertThat(printed(summary)).contains("rejected 1, not written 0")
        .contains("across 1 file: 1 line reordered (sent before a line above them in their file); sorted beyond --sort-memory with 4 temporary runs")
        .contains("  rejected a.jsonl:4: BAD_JSON value: cannot read the event");
    assertThat(summary.exitCode()).isEqualTo(1);
  }

  @Test
  void linesNotWrittenAreNamedCountedApartAndExitThree() {
    ImportSummary summary = new ImportSummary();
    summary.readFiles(2, 0, 0);
    summary.accepted(false);
    summary.rejected(new Rejection("a.jsonl", 4, ReasonCode.BAD_JSON, "value: cannot read the event"));
    summary.notWritten(new NotWritten("a.jsonl", 7, Why.SEND_FAILED), "Kafka at x:1 did not answer in time");
    summary.notWritten(new NotWritten("b.csv", 2, Why.SEND_FAILED), "a later failure");
    summary.notWritten(new NotWritten("a.jsonl", 9, Why.NOT_SENT), null);
    assertThat(summary.sendFailed()).isEqualTo(2);
    assertThat(summary.notSent()).isEqualTo(1);
    assertThat(summary.accepted()).isEqualTo(1);
    assertThat(summary.rejected()).isEqualTo(1);
    assertThat(printed(summary))
        .contains("accepted 1 (corrections 0), duplicates 0, rejected 1, not written 3")
        .contains("NOT WRITTEN: Kafka did not acknowledge 3 lines (send failed 2, not sent after the failure 1). "
            + "First failure: Kafka at x:1 did not answer in time")
        .contains("  not written a.jsonl:7: send failed")
        .contains("  not written b.csv:2: send failed")
        .contains("  not written a.jsonl:9: not sent after the first failed send")
        .doesNotContain("a later failure");
    assertThat(summary.exitCode()).isEqualTo(3);
  }

  @Test
  void onlyTheFirstHundredAreShown() {
    ImportSummary summary = new ImportSummary();
    for (int line = 1; line <= ImportSummary.SHOWN + 5; line++) {
      summary.notWritten(new NotWritten("a.jsonl", line, Why.NOT_SENT), null);
      summary.rejected(new Rejection("b.jsonl", line, ReasonCode.BAD_JSON, "bad"));
    }
    assertThat(summary.shownNotWritten()).hasSize(ImportSummary.SHOWN);
    assertThat(printed(summary)).contains("... and 5 more lines not written (write them all with --rejects FILE)")
        .contains("... and 5 more rejected lines");
  }
}
