package com.coachstream.common.config.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.common.config.Settings;
import com.coachstream.common.config.SettingsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EffectiveConfigurationTest {

  @Test
  void oneLinePerSettingWithItsValueAndLayer(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("s.properties");
    Files.writeString(file, "window.size=14d\n");
    Settings settings = new SettingsLoader().defaults(Map.of("slip.cooldown", "24h")).file(file)
        .environment(Map.of("COACHSTREAM_SLIP_HARD_FLOOR", "65"))
        .option("--set", Map.of("slip.floor", "75")).option("--kafka-property", Map.of("kafka.linger.ms", "5")).build();
    List<String> lines = EffectiveConfiguration.lines(settings, Service.STREAMS);
    assertThat(lines).contains(
        "slip.floor = 75 (option --set)",
        "window.size = 14d (file " + file + ")",
        "slip.cooldown = 24h (default)",
        "window.grace = 48h (default)",
        "bootstrap.servers = localhost:9092 (default)",
        "http.advertised.host = (not set) (default)",
        "slip.hard.floor = 65 (environment variable COACHSTREAM_SLIP_HARD_FLOOR)",
        "kafka.linger.ms = 5 (option --kafka-property)");
    assertThat(lines).noneMatch(line -> line.startsWith("routes.") || line.startsWith("retry."));
  }

  @Test
  void secretsAreNeverPrinted() {
    Map<String, String> secrets = Map.of(
        "http.bearer-token", "tok-ingest-123",
        "kafka.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required password=\"pw-jaas-456\";",
        "kafka.ssl.keystore.password", "pw-keystore-789",
        "kafka.ssl.key.password", "pw-key-012",
        "channel.hook.url", "https://hooks.slack.com/services/T000/B000/token-345",
        "channel.hook.type", "slack");
    Settings settings = new SettingsLoader().environment(Map.of("COACHSTREAM_HTTP_BEARER_TOKEN", "tok-env-678"))
        .option("--set", secrets).build();
    String all = String.join("\n", EffectiveConfiguration.lines(settings, Service.INGEST))
        + String.join("\n", EffectiveConfiguration.lines(settings, Service.NOTIFIER));
    for (String secret : List.of("tok-ingest-123", "pw-jaas-456", "pw-keystore-789", "pw-key-012", "token-345", "hooks.slack.com")) {
      assertThat(all).doesNotContain(secret);
    }
    assertThat(all).contains("http.bearer-token = [redacted] (option --set)", "kafka.sasl.jaas.config = [redacted] (option --set)",
        "channel.hook.url = [redacted] (option --set)", "channel.hook.type = slack (option --set)");
  }
}
