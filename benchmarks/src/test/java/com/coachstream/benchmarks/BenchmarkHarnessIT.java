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
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the harness working: every benchmark of {@code benchmarks all} runs on a tiny input and the run
 * writes its JSON. Speed is never asserted here; the figures of a run this small mean nothing.
 */
@Tag("integration")
@Timeout(300)
@ExtendWith(KafkaBrokerExtension.class)
class BenchmarkHarnessIT {

  @Test
  void everyBenchmarkRunsAndWritesItsResults(KafkaTestBroker broker, @TempDir Path results) throws Exception {
    int exit = BenchmarkRunner.run("all", "--bootstrap-servers", broker.bootstrapServers(),
        "--results-dir", results.toString(), "--label", "smoke",
        "--events", "2000", "--agents", "10", "--window-budget", "PT20S",
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
}
