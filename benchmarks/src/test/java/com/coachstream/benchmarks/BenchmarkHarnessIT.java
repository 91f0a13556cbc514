package com.coachstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the harness working: every benchmark of {@code benchmarks all} runs on a tiny input and the run
 * writes its JSON. Speed is never asserted here; the figures of a run this small mean nothing.
 *
 * <p>The operations benchmarks start processor JVMs of their own and take minutes even on a tiny input, so
 * {@code mvn verify} runs only the light backfill; restore on its own, the whole {@code operations} run (restart
 * with both memberships, restore, scale) and the repeated latency runs are opt-in:
 * {@code -Dbenchmarks.smoke.heavy=true}.
 */
@Tag("integration")
@Timeout(300)
@ExtendWith(KafkaBrokerExtension.class)
class BenchmarkHarnessIT {

  @Test
  void everyBenchmarkRunsAndWritesItsResults(KafkaTestBroker broker, @TempDir Path results) throws Exception {
    int exit = BenchmarkRunner.run("all", "--bootstrap-servers", broker.bootstrapServers(),
        "--results-dir", results.toString(), "--label", "smoke",
        "--events", "2000", "--agents", "10", "--window-budget", "PT20S", "--window-settings", "7d/1d",
        "--latency-rate", "300", "--latency-duration", "PT4S", "--latency-agents", "10",
        "--memory-agents", "10", "--memory-days", "3", "--memory-budget", "PT40S", "--quick");

    assertThat(exit).isZero();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> written = Files.list(results)) {
      written.filter(f -> f.toString().endsWith(".json")).forEach(files::add);
    }
    assertThat(files).singleElement();
    JsonNode json = new ObjectMapper().readTree(files.get(0).toFile());
    assertThat(json.path("command").asText()).isEqualTo("all");
    assertThat(json.path("machine").path("cores").asInt()).isPositive();
    List<String> sections = new ArrayList<>();
    json.path("sections").forEach(s -> sections.add(s.path("name").asText()));
    assertThat(sections).containsExactly("1-2 throughput", "3 window cost", "4 latency", "5 memory and state",
        "micro-benchmarks (JMH)");
    json.path("sections").forEach(s -> assertThat(s.path("figures").size()).as(s.path("name").asText()).isPositive());
  }

  @Test
  @EnabledIfSystemProperty(named = "benchmarks.smoke.heavy", matches = "true")
  void theRestoreBenchmarkLaunchesAProcessorJvmAndWritesItsResults(KafkaTestBroker broker, @TempDir Path results)
      throws Exception {
    int exit = BenchmarkRunner.run("restore", "--bootstrap-servers", broker.bootstrapServers(),
        "--results-dir", results.toString(), "--label", "smoke", "--restore-agents", "10", "--restore-days", "3");

    assertThat(exit).isZero();
    assertOneSectionWithFigures(results, "restore", "7 restore from changelogs");
  }

  @Test
  void theBackfillBenchmarkRunsAndWritesItsResults(KafkaTestBroker broker, @TempDir Path results) throws Exception {
    int exit = BenchmarkRunner.run("backfill", "--bootstrap-servers", broker.bootstrapServers(),
        "--results-dir", results.toString(), "--label", "smoke", "--backfill-events", "2000");

    assertThat(exit).isZero();
    assertOneSectionWithFigures(results, "backfill", "9 backfill: produce import of JSON lines");
    JsonNode figures = onlyResult(results).path("sections").get(0).path("figures");
    assertThat(figures.get(1).path("name").asText()).isEqualTo("produce import");
    assertThat(figures.get(1).path("note").asText()).as("what the JIT compilers took of the import's CPU").contains("JIT compilers");
  }

  /** Heavy: three minutes and more of processor JVMs killed, restarted and scaled; run on purpose only. */
  @Test
  @Timeout(900)
  @EnabledIfSystemProperty(named = "benchmarks.smoke.heavy", matches = "true")
  void theOperationsBenchmarksRunAndWriteTheirResults(KafkaTestBroker broker, @TempDir Path results) throws Exception {
    // a short session timeout only so that the dynamic restart does not wait out the default 45 s here
    int exit = BenchmarkRunner.run("operations", "--bootstrap-servers", broker.bootstrapServers(),
        "--results-dir", results.toString(), "--label", "smoke", "--agents", "10",
        "--restart-rate", "200", "--restart-before-kill", "PT2S", "--set", "kafka.session.timeout.ms=6000",
        "--restore-agents", "10", "--restore-days", "3", "--scale-events", "2000", "--backfill-events", "2000");

    assertThat(exit).isZero();
    JsonNode json = onlyResult(results);
    assertThat(json.path("command").asText()).isEqualTo("operations");
    assertThat(sectionNames(json)).containsExactly("6 restart after kill -9, static membership",
        "6 restart after kill -9, dynamic membership", "7 restore from changelogs", "8 scale: one instance against two",
        "9 backfill: produce import of JSON lines");
    json.path("sections").forEach(s -> assertThat(s.path("figures").size()).as(s.path("name").asText()).isPositive());
  }

  @Test
  @EnabledIfSystemProperty(named = "benchmarks.smoke.heavy", matches = "true")
  void latencyRepeatsItsRunsAndSumsThemUp(KafkaTestBroker broker, @TempDir Path results) throws Exception {
    int exit = BenchmarkRunner.run("latency", "--bootstrap-servers", broker.bootstrapServers(),
        "--results-dir", results.toString(), "--runs", "2", "--latency-warm-up", "PT2S",
        "--latency-rate", "300", "--latency-duration", "PT3S", "--latency-agents", "10");

    assertThat(exit).isZero();
    JsonNode json = onlyResult(results);
    assertThat(sectionNames(json)).containsExactly("4 latency, warm-up run (not counted)", "4 latency, run 1 of 2",
        "4 latency, run 2 of 2", "4 latency over 2 runs");
    JsonNode summary = json.path("sections").get(3);
    assertThat(summary.path("figures").get(0).path("name").asText()).isEqualTo("runs with p99 <= 1 s");
    assertThat(summary.toString()).contains("PT2S, p99");
  }

  private static void assertOneSectionWithFigures(Path results, String command, String section) throws Exception {
    JsonNode json = onlyResult(results);
    assertThat(json.path("command").asText()).isEqualTo(command);
    assertThat(sectionNames(json)).containsExactly(section);
    assertThat(json.path("sections").get(0).path("figures").size()).as(section).isPositive();
  }

  private static JsonNode onlyResult(Path results) throws Exception {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> written = Files.list(results)) {
      written.filter(f -> f.toString().endsWith(".json")).forEach(files::add);
    }
    assertThat(files).singleElement();
    return new ObjectMapper().readTree(files.get(0).toFile());
  }

  private static List<String> sectionNames(JsonNode json) {
    List<String> sections = new ArrayList<>();
    json.path("sections").forEach(s -> sections.add(s.path("name").asText()));
    return sections;
  }
}
