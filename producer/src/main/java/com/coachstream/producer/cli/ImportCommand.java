package com.coachstream.producer.cli;

import com.coachstream.common.cli.CommonOptions;
import com.coachstream.common.config.ConfigException;
import com.coachstream.common.config.Settings;
import com.coachstream.common.config.keys.Service;
import com.coachstream.producer.CoachStreamProducer;
import com.coachstream.producer.SendFailedException;
import com.coachstream.producer.imports.FileImporter;
import com.coachstream.producer.imports.ImportProgress;
import com.coachstream.producer.imports.ImportSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code produce import FILE...}: backfill events from JSON-lines or QA CSV files, merged in event-time order. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {
        "Import events from files: JSON lines (one {\"type\": \"interaction\"|\"qa_evaluation\"|\"agent\"|\"action\", ...} per line; "
            + "an action's own type goes in \"actionType\") "
            + "or QA evaluations as CSV (*.csv; header row; one row per criterion; columns evaluationId, agentId, evaluatedAt, "
            + "criterion, score, maxScore required; weight, comment, interactionId, evaluatorId, scorecardId, autoFail, "
            + "purpose, retracted, comments optional). Formats mix freely.",
        "The events of all the files are sent merged in event-time order (interactions by endedAt, evaluations by "
            + "evaluatedAt, supervisors' actions by at; roster lines first); equal times keep each file's order, the file given first going first. "
            + "A file out of order is sorted within --sort-memory, spilling sorted runs to --temp-dir beyond it.",
        "Identical re-sends within the import are skipped as duplicates; a QA evaluation re-sent with changes is a correction and is sent.",
        "A line whose send Kafka does not acknowledge is reported as not written, with its file and line; the import "
            + "then stops sending and reports every remaining line as not written too."},
    footer = {"", "Exit codes: 0 all lines written or duplicates, 1 some lines rejected, "
        + "3 Kafka or a file unavailable, or some valid lines not written (listed in the summary)."})
public final class ImportCommand implements Callable<Integer> {

  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import; on equal event times the first given goes first.")
  List<Path> files;

  @Option(names = "--rejects", paramLabel = "FILE",
      description = "Write every rejected line (file, line, reason, message) and every line not written (reason NOT_WRITTEN) as JSON lines.")
  Path rejects;

  @Option(names = "--sort-memory", paramLabel = "MIB", defaultValue = "64",
      description = "Heap in MiB for events waiting to be put in event-time order; beyond it sorted runs go to temporary files (default: ${DEFAULT-VALUE}).")
  long sortMemoryMib;

  @Option(names = "--temp-dir", paramLabel = "DIR", defaultValue = "${sys:java.io.tmpdir}",
      description = "Where the temporary sort files are written; they are deleted at the end (default: ${DEFAULT-VALUE}).")
  Path tempDir;

  @Override
  public Integer call() {
    if (sortMemoryMib < 1) {
      throw new ParameterException(spec.commandLine(), "--sort-memory must be at least 1 MiB, was " + sortMemoryMib);
    }
    // an unknown setting is a usage error (exit 2), reported before anything is read
    Settings settings = common.settings(Service.PRODUCER, Map.of());
    try (CoachStreamProducer producer = CoachStreamProducer.create(settings)) {
      ImportSummary summary = new FileImporter(producer, ImportProgress.forConsole(System.err), rejects,
          sortMemoryMib << 20, tempDir).importFiles(files);
      summary.print(spec.commandLine().getOut());
      return summary.exitCode();
    } catch (SendFailedException | IOException | UncheckedIOException | ConfigException e) {
      spec.commandLine().getErr().println("import failed: " + e.getMessage());
      return ProduceCommand.UNAVAILABLE;
    }
  }
}
