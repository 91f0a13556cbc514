package com.coachstream.producer.cli;

import com.coachstream.common.cli.CommonOptions;
import com.coachstream.common.cli.CommonOptions.CommandOption;
import com.coachstream.common.config.keys.Service;
import com.coachstream.common.ops.ServiceRunner;
import com.coachstream.producer.http.IngestServer;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code produce serve}: HTTP ingest until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serve HTTP ingest: POST /v1/events with a JSON object, a JSON array or NDJSON.",
        "202 with a result per event once Kafka acknowledged the accepted ones (also when some were rejected);",
        "400 when none was accepted; 401 without the bearer token (if set); 413 over the body limit;",
        "503 when Kafka did not acknowledge in time. Also /health, /ready, /metrics.",
        "Settings: http.port (8090), http.host (0.0.0.0), http.body-limit (1048576 bytes),",
        "http.bearer-token (env COACHSTREAM_HTTP_BEARER_TOKEN; none = open).",
        "Runs until Ctrl-C (or SIGTERM), or until the thread running it is interrupted when embedded."})
public final class ServeCommand implements Callable<Integer> {

  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @Option(names = "--port", description = "HTTP port (default: setting http.port, else 8090; 0 = any free port).")
  Integer port;

  @Option(names = "--body-limit", paramLabel = "BYTES", description = "Largest accepted body (default: http.body-limit, else 1048576).")
  Integer bodyLimit;

  @Override
  public Integer call() {
    // Closed by the shutdown hook on Ctrl-C, or here when an embedding thread is interrupted (close is idempotent).
    try (IngestServer server = IngestServer.start(common.settings(Service.INGEST, Map.of(),
        new CommandOption("--port", IngestServer.PORT, port), new CommandOption("--body-limit", IngestServer.BODY_LIMIT, bodyLimit)))) {
      // With --port 0 this line is the only way to learn the port.
      spec.commandLine().getOut().printf("produce serve: listening on port %d (POST /v1/events, /health, /ready, /metrics)%n",
          server.port());
      ServiceRunner.runUntilShutdown("produce serve", server);
    }
    return 0;
  }
}
