package com.coachstream.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachstream.schemas.topics.TopicNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

  @Test
  void laterLayersWin(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("app.properties");
    Files.writeString(file, "window.size=14d\nwindow.advance=12h\nhttp.port=9000\n");
    Settings settings = Settings.load(
        Map.of("window.size", "7d", "window.grace", "48h", "http.port", "8080"),
        file,
        Map.of("COACHSTREAM_WINDOW_ADVANCE", "6h", "HOME", "/root"),
        Map.of("http.port", "0"));
    assertThat(settings.duration("window.size", null)).isEqualTo(Duration.ofDays(14));
    assertThat(settings.duration("window.advance", null)).isEqualTo(Duration.ofHours(6));
    assertThat(settings.duration("window.grace", null)).isEqualTo(Duration.ofHours(48));
    assertThat(settings.intValue("http.port", -1)).isZero();
    assertThat(settings.find("home")).isEmpty();
  }

  @Test
  void environmentVariablesMapToKeysIncludingDashedOnes() {
    Map<String, String> env = new SettingsLoader().environment(Map.of(
        "COACHSTREAM_TOPIC_DEAD_LETTER", "x.dlq",
        "COACHSTREAM_SLIP_SOFT_MAX_DROP", "12",
        "COACHSTREAM_SLIP_HARD_MIN_BASELINE_SAMPLES", "4",
        "COACHSTREAM_CHANNEL_HOOK_URL_ENV", "HOOK_URL",
        "KAFKA_SECURITY_PROTOCOL", "SSL",
        "KAFKA_BOOTSTRAP_SERVERS", "b:9092")).build().asMap();
    assertThat(env).containsEntry("topic.dead-letter", "x.dlq")
        .containsEntry("slip.soft.max-drop", "12")
        .containsEntry("slip.hard.min-baseline-samples", "4")
        .containsEntry("channel.hook.url-env", "HOOK_URL")
        .containsEntry("kafka.security.protocol", "SSL")
        .containsEntry("bootstrap.servers", "b:9092");
  }

  @Test
  void durationsAcceptShortAndIsoForms() {
    assertThat(Settings.parseDuration("k", "500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Settings.parseDuration("k", "15s")).isEqualTo(Duration.ofSeconds(15));
    assertThat(Settings.parseDuration("k", "30m")).isEqualTo(Duration.ofMinutes(30));
    assertThat(Settings.parseDuration("k", "1d")).isEqualTo(Duration.ofDays(1));
    assertThat(Settings.parseDuration("k", "PT1H")).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void wrongValuesFailWithTheKeyTheValueAndWhatIsExpected() {
    Settings settings = Settings.of(Map.of("window.size", "a week", "http.port", "eighty", "x", "maybe", "y", "NaN"));
    assertThatThrownBy(() -> settings.duration("window.size", null))
        .isInstanceOf(ConfigException.class)
        .hasMessage("Invalid value 'a week' for window.size: expected a duration such as 7d, 24h, 30m, 15s, 500ms or PT1H");
    assertThatThrownBy(() -> settings.intValue("http.port", 0)).hasMessage("Invalid value 'eighty' for http.port: expected an integer");
    assertThatThrownBy(() -> settings.bool("x", false)).hasMessage("Invalid value 'maybe' for x: expected true or false");
    assertThatThrownBy(() -> settings.doubleValue("y", 0)).hasMessage("Invalid value 'NaN' for y: expected a finite number");
    assertThatThrownBy(() -> settings.string("missing")).hasMessage("Missing setting missing");
  }

  @Test
  void aMissingConfigFileIsAClearError(@TempDir Path dir) {
    assertThatThrownBy(() -> Settings.load(Map.of(), dir.resolve("nope.properties"), Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("does not exist");
  }

  @Test
  void kafkaPropertiesPassThroughAndTopicsCanBeRenamed() {
    Settings settings = Settings.of(Map.of("bootstrap.servers", "b:1", "kafka.security.protocol", "SSL",
        "kafka.ssl.truststore.location", "/t.jks", "topic.interactions", "acme.interactions"));
    assertThat(KafkaSettings.clientProperties(settings))
        .containsEntry("bootstrap.servers", "b:1")
        .containsEntry("security.protocol", "SSL")
        .containsEntry("ssl.truststore.location", "/t.jks");
    TopicNames names = KafkaSettings.topicNames(settings);
    assertThat(names.interactions()).isEqualTo("acme.interactions");
    assertThat(names.alerts()).isEqualTo(TopicNames.DEFAULTS.alerts());
  }

  @Test
  void settingsNobodyReadsAreReportedSoTyposShowUp() {
    Settings settings = Settings.of(Map.of("window.size", "7d", "windw.advance", "1d", "kafka.acks", "all"));
    settings.duration("window.size", null);
    settings.withPrefix("kafka");
    assertThat(settings.unreadKeys()).containsExactly("windw.advance");
  }
}
