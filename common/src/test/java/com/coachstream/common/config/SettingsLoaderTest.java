package com.coachstream.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {

  @Test
  void everyValueRemembersTheLayerAndPlaceItCameFrom(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("streams.properties");
    Files.writeString(file, "window.size=14d\nslip.floor=72\n");
    Settings settings = new SettingsLoader()
        .defaults(Map.of("window.size", "7d", "window.grace", "48h", "slip.floor", "70"))
        .file(file)
        .environment(Map.of("COACHSTREAM_SLIP_FLOOR", "74", "PATH", "/bin"))
        .option("--set", Map.of("http.port", "0"))
        .build();
    assertThat(settings.origin("window.grace")).isEqualTo(Origin.DEFAULT);
    assertThat(settings.origin("window.size")).hasToString("file " + file);
    assertThat(settings.origin("slip.floor")).hasToString("environment variable COACHSTREAM_SLIP_FLOOR");
    assertThat(settings.string("slip.floor")).isEqualTo("74");
    assertThat(settings.origin("http.port")).hasToString("option --set");
    assertThat(settings.origin("never.set")).hasToString("default");
    assertThat(settings.asMap()).doesNotContainKey("path");
  }

  @Test
  void variablesThatAreNotSettingsAreLeftAlone() {
    Settings settings = new SettingsLoader().environment(Map.of(
        "COACHSTREAM_CONFIG", "/etc/coachstream.properties", "COACHSTREAM_LOG_LEVEL", "DEBUG",
        "KAFKA_HEAP_OPTS", "-Xmx1g", "KAFKA_PORT", "tcp://10.0.0.1:9092", "KAFKA_PORT_9092_TCP_ADDR", "10.0.0.1",
        "KAFKA_SERVICE_HOST", "10.0.0.1", "KAFKA_LINGER_MS", "5")).build();
    assertThat(settings.asMap()).containsOnlyKeys("kafka.linger.ms");
  }

  @Test
  void kubernetesServiceLinksOfAnyServiceAreNotSettings() {
    Settings settings = new SettingsLoader().environment(Map.of(
        "COACHSTREAM_STREAMS_SERVICE_HOST", "10.0.0.2", "COACHSTREAM_STREAMS_SERVICE_PORT", "8080",
        "COACHSTREAM_STREAMS_SERVICE_PORT_HTTP", "8080", "COACHSTREAM_STREAMS_PORT", "tcp://10.0.0.2:8080",
        "COACHSTREAM_STREAMS_PORT_8080_TCP", "tcp://10.0.0.2:8080", "COACHSTREAM_STREAMS_PORT_8080_TCP_PROTO", "tcp",
        "KAFKA_BROKER_PORT_9092_TCP_ADDR", "10.0.0.3", "KAFKA_HEADLESS_SERVICE_HOST", "10.0.0.4",
        "COACHSTREAM_HTTP_PORT", "8085")).build();
    assertThat(settings.asMap()).containsOnlyKeys("http.port");
  }

  @Test
  void aVariableNamedByAnEnvSettingHoldsASecretNotASetting() {
    Settings settings = new SettingsLoader().environment(Map.of(
        "COACHSTREAM_CHANNEL_SLACK_URL_ENV", "COACHSTREAM_SLACK_URL",
        "COACHSTREAM_SLACK_URL", "https://hooks.example.com/secret")).build();
    assertThat(settings.asMap()).containsOnlyKeys("channel.slack.url-env");
  }

  @Test
  void dashedWordsComeFromTheCatalogueLongestFirst() {
    assertThat(SettingsLoader.DASHED_WORDS).contains("min-baseline-samples", "max-drop", "url-env", "dead-letter",
        "bearer-token", "application-id");
    assertThat(SettingsLoader.DASHED_WORDS.indexOf("min-baseline-samples"))
        .isLessThan(SettingsLoader.DASHED_WORDS.indexOf("min-samples"));
    assertThat(SettingsLoader.envToKey("HTTP_BEARER_TOKEN")).isEqualTo("http.bearer-token");
    assertThat(SettingsLoader.envToKey("SLIP_MIN_SAMPLES")).isEqualTo("slip.min-samples");
    assertThat(SettingsLoader.envToKey("CHANNEL_MAIL_SMTP_PASSWORD_FILE")).isEqualTo("channel.mail.smtp.password-file");
    assertThat(SettingsLoader.envToKey("CHANNEL_OPS_WEBHOOK_URL_ENV")).isEqualTo("channel.ops-webhook.url-env");
    assertThat(SettingsLoader.envToKey("CHANNEL_OPS_WEBHOOK_SMTP_HOST")).isEqualTo("channel.ops-webhook.smtp.host");
    assertThat(SettingsLoader.envToKey("CHANNEL_OPS_WEBHOOK_NOPE")).isEqualTo("channel.ops.webhook.nope");
  }
}
