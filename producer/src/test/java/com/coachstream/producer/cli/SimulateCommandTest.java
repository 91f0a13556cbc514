package com.coachstream.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.producer.support.Cli;
import com.coachstream.producer.support.Cli.Result;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when {@code produce simulate} cannot run: a clear message and an exit code, no stack trace. */
class SimulateCommandTest {

  @Test
  void contradictoryOrOutOfRangeOptionsAreAUsageError() {
    assertUsageError(Cli.run(List.of("simulate", "--rate", "10", "--playback", "40s", "--output", "x.jsonl")),
        "--rate and --playback exclude each other");
    assertUsageError(Cli.run(List.of("simulate", "--agents", "3", "--teams", "5", "--output", "x.jsonl")),
        "teams must be between 1 and the number of agents, was 5");
    assertUsageError(Cli.run(List.of("simulate", "--playback", "soon", "--output", "x.jsonl")), "--playback");
    assertUsageError(Cli.run(List.of("simulate", "--end", "2999-01-01T00:00:00Z", "--output", "x.jsonl")),
        "more than 1 h in the future");
  }

  @Test
  void anUnwritableOutputIsAClearFailure(@TempDir Path dir) {
    Result run = Cli.run(List.of("simulate", "--days", "1", "--agents", "2", "--teams", "1",
        "--output", dir.resolve("no/such/dir/events.jsonl").toString(), "--ground-truth", dir.resolve("truth.jsonl").toString()));
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).startsWith("simulate failed: ").contains("events.jsonl").doesNotContain("\tat ");
  }

  private static void assertUsageError(Result run, String message) {
    assertThat(run.exitCode()).as(run.printed()).isEqualTo(2);
    assertThat(run.err()).contains(message).contains("Usage:").doesNotContain("\tat ");
  }
}
