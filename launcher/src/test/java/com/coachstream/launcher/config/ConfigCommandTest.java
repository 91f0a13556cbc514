package com.coachstream.launcher.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.launcher.LauncherRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coachstream config check|list} through the real command line; nothing starts, no broker is needed. */
class ConfigCommandTest {

  @Test
  void checkRefusesAMisspeltSettingWithTheClosestKey() {
    LauncherRun run = LauncherRun.of("config", "check", "--set", "slip.flor=75", "streams");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("coachstream: `slip.flor` (option --set) is not a setting of the streams processor; "
        + "did you mean `slip.floor`?\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void checkRefusesAMisspeltSettingInTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("notifier.properties");
    Files.writeString(file, "routes.default=log\nretry.attempt=3\n");
    LauncherRun run = LauncherRun.of("config", "check", "--config", file.toString(), "notify");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("coachstream: `retry.attempt` (file " + file + ") is not a setting of the notifier; "
        + "did you mean `retry.attempts`?\n");
  }

  @Test
  void checkReadsTheValuesAsTheServiceWould() {
    LauncherRun run = LauncherRun.of("config", "check", "--set", "window.size=a week", "streams");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("coachstream: Invalid value 'a week' for window.size");
    LauncherRun notifier = LauncherRun.of("config", "check", "--set", "routes.default=log,hook", "notify");
    assertThat(notifier.exitCode()).isEqualTo(2);
    assertThat(notifier.err()).contains("channel.hook.type");
  }

  @Test
  void checkPrintsTheEffectiveConfigurationWithoutSecrets() {
    LauncherRun run = LauncherRun.of("config", "check", "--set", "http.bearer-token=tok-s3cr3t",
        "--kafka-property", "sasl.jaas.config=PlainLoginModule required password=\"pw-s3cr3t\";",
        "--kafka-property", "ssl.truststore.password=pw-trust", "--kafka-property", "security.protocol=SASL_SSL",
        "produce-serve");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Configuration of the HTTP ingest (produce serve) is valid",
        "  http.bearer-token = [redacted] (option --set)",
        "  kafka.sasl.jaas.config = [redacted] (option --kafka-property)",
        "  kafka.ssl.truststore.password = [redacted] (option --kafka-property)",
        "  kafka.security.protocol = SASL_SSL (option --kafka-property)",
        "  http.body-limit = 1048576 (default)");
    assertThat(run.out() + run.err()).doesNotContain("tok-s3cr3t").doesNotContain("pw-s3cr3t").doesNotContain("pw-trust");
  }

  @Test
  void listShowsEverySettingWithItsDefaultAndMeaning() {
    LauncherRun run = LauncherRun.of("config", "list", "notify");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Settings of the notifier", "  retry.attempts [5]",
        "  channel.<name>.url (secret)", "  bootstrap.servers [localhost:9092]", "Attempts per alert and route")
        .doesNotContain("slip.floor");
    assertThat(LauncherRun.of("config", "list", "nonsense").exitCode()).isEqualTo(2);
  }
}
