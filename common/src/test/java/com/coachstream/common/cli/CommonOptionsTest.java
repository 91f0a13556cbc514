package com.coachstream.common.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachstream.common.config.ConfigException;
import com.coachstream.common.config.Settings;
import com.coachstream.common.config.keys.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** A misspelt setting is refused from every layer, naming where it came from and what was meant. */
class CommonOptionsTest {

  @Command(name = "test")
  static final class AnyCommand {
    @Mixin
    CommonOptions common;
  }

  private static CommonOptions parse(Map<String, String> environment, String... args) {
    AnyCommand command = new AnyCommand();
    new CommandLine(command).parseArgs(args);
    command.common.environment = environment;
    return command.common;
  }

  @Test
  void aMisspeltSettingInAnOptionIsRefusedWithTheClosestKey() {
    assertThatThrownBy(() -> parse(Map.of(), "--set", "slip.flor=75").settings(Service.STREAMS, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("`slip.flor` (option --set) is not a setting of the streams processor; did you mean `slip.floor`?");
  }

  @Test
  void aMisspeltSettingInTheEnvironmentNamesTheVariable() {
    assertThatThrownBy(() -> parse(Map.of("COACHSTREAM_SLIP_FLOR", "75")).settings(Service.STREAMS, Map.of()))
        .hasMessage("`slip.flor` (environment variable COACHSTREAM_SLIP_FLOR) is not a setting of the streams processor; "
            + "did you mean `slip.floor`?");
  }

  @Test
  void aMisspeltSettingInTheFileNamesTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("streams.properties");
    Files.writeString(file, "window.size=7d\nslip.flor=75\n");
    assertThatThrownBy(() -> parse(Map.of(), "--config", file.toString()).settings(Service.STREAMS, Map.of()))
        .hasMessage("`slip.flor` (file " + file + ") is not a setting of the streams processor; did you mean `slip.floor`?");
  }

  @Test
  void aMisspeltKafkaPropertyIsCheckedAgainstTheKafkaClients() {
    assertThatThrownBy(() -> parse(Map.of(), "--kafka-property", "linger.mss=5").settings(Service.PRODUCER, Map.of()))
        .hasMessage("`linger.mss` (option --kafka-property) is not a Kafka client setting; did you mean `linger.ms`?");
    assertThatThrownBy(() -> parse(Map.of("KAFKA_LINGER_MSS", "5")).settings(Service.NOTIFIER, Map.of()))
        .hasMessage("`kafka.linger.mss` (environment variable KAFKA_LINGER_MSS) is not a Kafka client setting; "
            + "did you mean `kafka.linger.ms`?");
  }

  @Test
  void aSettingOfAnotherServiceIsNamedAsSuch() {
    assertThatThrownBy(() -> parse(Map.of(), "--set", "slip.floor=75").settings(Service.NOTIFIER, Map.of()))
        .hasMessage("`slip.floor` (option --set) is a setting of the streams processor, not of the notifier");
  }

  @Test
  void everyProblemIsOneLine() {
    assertThatThrownBy(() -> parse(Map.of("COACHSTREAM_WINDOW_SIZ", "7d"), "--set", "slip.flor=75", "--set", "fancy.mode=statistical")
        .settings(Service.STREAMS, Map.of()))
        .hasMessage(String.join(System.lineSeparator(),
            "`fancy.mode` (option --set) is not a setting of the streams processor; `coachstream config list streams` lists them all",
            "`slip.flor` (option --set) is not a setting of the streams processor; did you mean `slip.floor`?",
            "`window.siz` (environment variable COACHSTREAM_WINDOW_SIZ) is not a setting of the streams processor; "
                + "did you mean `window.size`?"));
  }

  @Test
  void theLoggedEffectiveConfigurationNamesEachLayerAndNoSecret() {
    ch.qos.logback.classic.Logger logger =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.coachstream.config");
    var appender = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
    appender.start();
    logger.addAppender(appender);
    try {
      parse(Map.of("COACHSTREAM_HTTP_BEARER_TOKEN", "tok-from-env"), "--kafka-property", "sasl.jaas.config=x password=\"pw-jaas\";",
          "--kafka-property", "ssl.keystore.password=pw-keystore", "--set", "http.body-limit=2048")
          .settings(Service.INGEST, Map.of());
    } finally {
      logger.detachAppender(appender);
    }
    String logged = String.join("\n", appender.list.stream().map(e -> e.getFormattedMessage()).toList());
    assertThat(logged).contains("Effective configuration of the HTTP ingest (produce serve):",
        "http.bearer-token = [redacted] (environment variable COACHSTREAM_HTTP_BEARER_TOKEN)",
        "kafka.sasl.jaas.config = [redacted] (option --kafka-property)",
        "http.body-limit = 2048 (option --set)", "http.port = 8090 (default)");
    assertThat(logged).doesNotContain("tok-from-env").doesNotContain("pw-jaas").doesNotContain("pw-keystore");
  }

  @Test
  void commandOptionsAreTheLastLayerAndNamedByTheirOption() {
    Settings settings = parse(Map.of("COACHSTREAM_HTTP_PORT", "9000"), "--set", "http.port=9001")
        .settings(Service.STREAMS, Map.of("http.port", "8080"), new CommonOptions.CommandOption("--http-port", "http.port", 0),
            new CommonOptions.CommandOption("--application-id", "application-id", null));
    assertThat(settings.string("http.port")).isEqualTo("0");
    assertThat(settings.origin("http.port")).hasToString("option --http-port");
    assertThat(settings.asMap()).doesNotContainKey("application-id");
  }
}
