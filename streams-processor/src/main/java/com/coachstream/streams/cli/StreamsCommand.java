package com.coachstream.streams.cli;

import com.coachstream.common.cli.CommonOptions;
import com.coachstream.common.cli.CommonOptions.CommandOption;
import com.coachstream.common.config.keys.Service;
import com.coachstream.common.ops.ServiceRunner;
import com.coachstream.streams.StreamsService;
import com.coachstream.streams.topology.StreamsSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code coachstream streams}: runs the streams processor until Ctrl-C / SIGTERM. */
@Command(name = "streams", mixinStandardHelpOptions = true,
    description = "Score agents' skills over rolling windows, detect slips, serve queries (docs/concepts.md, docs/http-api.md).")
public final class StreamsCommand implements Callable<Integer> {

  @Mixin
  CommonOptions common;

  @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP port for queries, health and metrics (default 8080; 0 = any).")
  Integer httpPort;

  @Option(names = "--application-id", paramLabel = "ID", description = "Kafka Streams application id (default coachstream-streams).")
  String applicationId;

  @Override
  public Integer call() {
    StreamsService service = StreamsService.start(common.settings(Service.STREAMS, StreamsSettings.DEFAULTS,
        new CommandOption("--http-port", "http.port", httpPort),
        new CommandOption("--application-id", "application-id", applicationId)));
    ServiceRunner.runUntilShutdown("streams", service);
    return 0;
  }
}
