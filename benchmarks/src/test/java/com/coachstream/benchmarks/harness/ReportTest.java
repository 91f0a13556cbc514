package com.coachstream.benchmarks.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

  @Test
  void printsATableAndWritesTheMachineSettingsAndFiguresAsJson(@TempDir Path dir) throws Exception {
    Report report = new Report("throughput", "before-fix");
    report.section("1-2 throughput").setting("partitions", 12)
        .figure("(1) raw consume", 412_345.6, "events/s")
        .figure("(2) streams / raw consume", 0.5123, "ratio", ">= 0.50", "");

    ByteArrayOutputStream text = new ByteArrayOutputStream();
    report.print(new PrintStream(text, true, StandardCharsets.UTF_8));
    assertThat(text.toString(StandardCharsets.UTF_8)).contains("412,346", "0.512", ">= 0.50", "partitions = 12",
        "(before-fix)");

    Path file = report.write(dir);
    assertThat(file.getFileName().toString()).startsWith("throughput-").endsWith(".json");
    JsonNode json = new ObjectMapper().readTree(file.toFile());
    assertThat(json.path("label").asText()).isEqualTo("before-fix");
    assertThat(json.path("machine").path("cores").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(json.path("machine").path("jvm").asText()).isNotBlank();
    JsonNode section = json.path("sections").get(0);
    assertThat(section.path("settings").path("partitions").asInt()).isEqualTo(12);
    assertThat(section.path("figures").get(1).path("value").asDouble()).isEqualTo(0.5123);
    assertThat(section.path("figures").get(1).path("target").asText()).isEqualTo(">= 0.50");
  }

  @Test
  void formatsLargeFiguresWholeAndSmallOnesWithDecimals() {
    assertThat(Report.format(3450.4)).isEqualTo("3,450");
    assertThat(Report.format(0.25)).isEqualTo("0.250");
    assertThat(Report.format(Double.NaN)).isEqualTo("n/a");
  }
}
