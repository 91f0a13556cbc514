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
import picocli.CommandLine.Parameters;

/** {@code produce import FILE...}: backfill events from JSON-lines or QA CSV files. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Import events from files: JSON lines (one {\"type\": \"interaction\"|\"qa_evaluation\"|\"agent\", ...} per line)",
        "or QA evaluations as CSV (*.csv; header row; one row per criterion; columns evaluationId, agentId, evaluatedAt,",
        "criterion, score, maxScore required; weight, comment, interactionId, evaluatorId, scorecardId, autoFail,",
        "purpose, retracted, comments optional).",
        "Identical re-sends within the import are skipped as duplicates; a QA evaluation re-sent with changes is a correction and is sent."},
    footer = {"", "Exit codes: 0 all lines accepted or duplicates, 1 some lines rejected, 3 Kafka or a file unavailable."})
public final class ImportCommand implements Callable<Integer> {

  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import, in order.")
  List<Path> files;

  @Option(names = "--rejects", paramLabel = "FILE", description = "Write every rejected line (file, line, reason, message) as JSON lines.")
  Path rejects;

  @Override
  public Integer call() {
    // an unknown setting is a usage error (exit 2), reported before anything is read
    Settings settings = common.settings(Service.PRODUCER, Map.of());
    try (CoachStreamProducer producer = CoachStreamProducer.create(settings)) {
      ImportSummary summary = new FileImporter(producer, ImportProgress.forConsole(System.err), rejects).importFiles(files);
      summary.print(spec.commandLine().getOut());
      return summary.exitCode();
    } catch (SendFailedException | IOException | UncheckedIOException | ConfigException e) {
      spec.commandLine().getErr().println("import failed: " + e.getMessage());
      return ProduceCommand.UNAVAILABLE;
    }
  }
}
