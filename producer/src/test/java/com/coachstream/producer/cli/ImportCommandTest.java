package com.coachstream.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What a user sees when the import cannot run: a clear message and exit code 3, in bounded time. */
class ImportCommandTest {

  static int run(StringWriter err, String... args) {
    return new CommandLine(new ProduceCommand()).setErr(new PrintWriter(err)).setOut(new PrintWriter(new StringWriter())).execute(args);
  }

  static Path oneAgent(Path dir) throws Exception {
    return Files.write(dir.resolve("events.jsonl"), List.of("{\"type\":\"agent\",\"agentId\":\"a\",\"displayName\":\"A\"}"));
  }

  @Test
  void brokerDownIsAClearErrorNotAHang(@TempDir Path dir) throws Exception {
    Path file = oneAgent(dir);
    StringWriter err = new StringWriter();
    int exit = run(err, "import", "--bootstrap-servers", "127.0.0.1:1", "--kafka-property", "max.block.ms=1500", file.toString());
    assertThat(exit).isEqualTo(3);
    assertThat(err.toString()).contains("import failed: Kafka at 127.0.0.1:1 is not ready for writes")
        .contains("is the broker running and reachable");
  }

  @Test
  void missingFileIsNamed() {
    StringWriter err = new StringWriter();
    int exit = run(err, "import", "--bootstrap-servers", "127.0.0.1:1", "/no/such/file.jsonl");
    assertThat(exit).isEqualTo(3);
    assertThat(err.toString()).contains("Cannot read /no/such/file.jsonl");
  }

  @Test
  void helpDescribesFormatsOrderAndExitCodes() {
    StringWriter out = new StringWriter();
    new CommandLine(new ProduceCommand()).setOut(new PrintWriter(out)).execute("import", "--help");
    assertThat(out.toString()).contains("--rejects=FILE").contains("evaluationId, agentId, evaluatedAt").contains("Exit codes")
        .contains("merged in event-time order").contains("--sort-memory=MIB").contains("--temp-dir=DIR").contains("not written");
  }

  @Test
  void aSortMemoryBelowOneMibIsAUsageError(@TempDir Path dir) throws Exception {
    Path file = oneAgent(dir);
    StringWriter err = new StringWriter();
    int exit = run(err, "import", "--bootstrap-servers", "127.0.0.1:1", "--sort-memory", "0", file.toString());
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--sort-memory must be at least 1 MiB, was 0");
  }

  @Test
  void aMissingTempDirIsNamed(@TempDir Path dir) throws Exception {
    Path file = oneAgent(dir);
    StringWriter err = new StringWriter();
    int exit = run(err, "import", "--bootstrap-servers", "127.0.0.1:1", "--temp-dir", dir.resolve("nowhere").toString(), file.toString());
    assertThat(exit).isEqualTo(3);
    assertThat(err.toString()).contains("Cannot write temporary sort files to " + dir.resolve("nowhere"));
  }
}
