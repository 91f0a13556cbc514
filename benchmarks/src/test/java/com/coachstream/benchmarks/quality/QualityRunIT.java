package com.coachstream.benchmarks.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.benchmarks.BenchmarkRunner;
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
import org.junit.jupiter.api.io.TempDir;

/** Keeps {@code benchmarks/run quality} working on a tiny simulation (no broker); its figures mean little. */
@Tag("integration")
@Timeout(600)
class QualityRunIT {

  @Test
  void bothModesOfEveryFamilyAreScoredAndWritten(@TempDir Path results) throws Exception {
    int exit = BenchmarkRunner.run("quality", "--quality-agents", "4", "--quality-days", "60",
        "--results-dir", results.toString(), "--label", "smoke");

    assertThat(exit).isZero();
    Path file;
    try (Stream<Path> written = Files.list(results)) {
      file = written.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
    }
    JsonNode json = new ObjectMapper().readTree(file.toFile());
    assertThat(json.path("command").asText()).isEqualTo("quality");
    List<String> sections = new ArrayList<>();
    json.path("sections").forEach(s -> sections.add(s.path("name").asText()));
    assertThat(sections).hasSize(2 * (Family.ALL.size() + 1))
        .contains("quality threshold large-slips", "quality statistical all-families");
    json.path("sections").forEach(s -> {
      if (s.path("name").asText().endsWith("large-slips")) {
        // a 15-25 point slip of several days is caught in either mode
        assertThat(s.path("figures").get(0).path("value").asDouble()).as(s.path("name").asText()).isPositive();
      }
    });
  }
}
