package com.coachstream.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachstream.common.config.ConfigException;
import com.coachstream.common.config.Settings;
import com.coachstream.schemas.deadletter.DeadLetter;
import com.coachstream.streams.slip.AlertMode;
import com.coachstream.streams.slip.SlipPolicy;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

  private static Properties properties(Map<String, String> settings) {
    return StreamsSettings.from(Settings.of(settings)).streamsProperties(null);
  }

  @Test
  void theProducerTakesDeadLettersUpTo16MiBByDefault() {
    Properties props = properties(Map.of());
    assertThat(props.get("producer.max.request.size")).isEqualTo(String.valueOf(DeadLetter.MAX_RECORD_BYTES));
    assertThat(props.get(DeadLetterHandlers.DEAD_LETTER_MAX_BYTES_CONFIG))
        .isEqualTo(String.valueOf(DeadLetter.MAX_RECORD_BYTES - DeadLetter.HEADROOM_BYTES));
    assertThat(props.get("processing.guarantee")).isEqualTo("exactly_once_v2");
  }

  @Test
  void everyConsumerFetchesAtMostOneMiBPerResponseByDefault() {
    assertThat(properties(Map.of()).get("consumer.fetch.max.bytes")).isEqualTo(String.valueOf(1 << 20));
  }

  @Test
  void aConfiguredFetchSizeWinsOverTheBound() {
    Properties plain = properties(Map.of("kafka.fetch.max.bytes", "8388608"));
    assertThat(plain.get("fetch.max.bytes")).isEqualTo("8388608");
    // a prefixed default would beat the plain key for every consumer, so there must be none
    assertThat(plain.get("consumer.fetch.max.bytes")).isNull();
    Properties prefixed = properties(Map.of("kafka.consumer.fetch.max.bytes", "2097152"));
    assertThat(prefixed.get("consumer.fetch.max.bytes")).isEqualTo("2097152");
    Properties main = properties(Map.of("kafka.main.consumer.fetch.max.bytes", "52428800"));
    assertThat(main.get("main.consumer.fetch.max.bytes")).isEqualTo("52428800");
  }

  @Test
  void aConfiguredRequestSizeBoundsTheDeadLetters() {
    Properties props = properties(Map.of("kafka.max.request.size", "1048576"));
    assertThat(props.get("producer.max.request.size")).isEqualTo("1048576");
    assertThat(props.get(DeadLetterHandlers.DEAD_LETTER_MAX_BYTES_CONFIG))
        .isEqualTo(String.valueOf(1048576 - DeadLetter.HEADROOM_BYTES));
  }

  @Test
  void aRequestSizeThatIsNotANumberIsNamedInTheError() {
    assertThatThrownBy(() -> properties(Map.of("kafka.max.request.size", "lots")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("max.request.size");
  }

  @Test
  void newMetricsReachTheMetricsEndpointEveryMinuteByDefault() {
    assertThat(StreamsSettings.from(Settings.of(Map.of())).metricsRefreshInterval()).isEqualTo(java.time.Duration.ofSeconds(60));
    assertThat(StreamsSettings.from(Settings.of(Map.of("metrics.refresh.interval", "2s"))).metricsRefreshInterval())
        .isEqualTo(java.time.Duration.ofSeconds(2));
  }

  @Test
  void aMetricsRefreshIntervalOfZeroStopsTheStart() {
    assertThatThrownBy(() -> StreamsSettings.from(Settings.of(Map.of("metrics.refresh.interval", "0s"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("metrics.refresh.interval");
  }

  @Test
  void withoutAnInstanceIdTheMembershipIsDynamic() {
    Properties props = properties(Map.of());
    assertThat(props.keySet()).noneMatch(key -> key.toString().contains("group.instance.id"));
  }

  @Test
  void theInstanceIdIsTheMainConsumersStaticMembership() {
    Properties props = properties(Map.of("instance.id", " coachstream-streams-2 "));
    assertThat(props.get("main.consumer.group.instance.id")).isEqualTo("coachstream-streams-2");
    assertThat(props.get("group.instance.id")).isNull();
  }

  @Test
  void theStreamsGroupProtocolHasNoStaticMembership() {
    assertThatThrownBy(() -> properties(Map.of("instance.id", "a", "kafka.group.protocol", "streams")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("instance.id");
  }

  @Test
  void thresholdModeIsTheDefault() {
    assertThat(StreamsSettings.from(Settings.of(Map.of())).slipPolicy().mode()).isEqualTo(AlertMode.THRESHOLD);
  }

  @Test
  void statisticalModeTakesItsSettings() {
    SlipPolicy policy = StreamsSettings.from(Settings.of(Map.of("alert.mode", "Statistical", "slip.confidence", "0.9")))
        .slipPolicy();
    assertThat(policy.mode()).isEqualTo(AlertMode.STATISTICAL);
  }

  @Test
  void aWrongModeOrConfidenceIsNamedInTheError() {
    assertThatThrownBy(() -> StreamsSettings.from(Settings.of(Map.of("alert.mode", "fuzzy"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("alert.mode").hasMessageContaining("fuzzy");
    assertThatThrownBy(() -> StreamsSettings.from(Settings.of(Map.of("alert.mode", "statistical", "slip.confidence", "1.2"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("slip.confidence");
  }

  @Test
  void theTeamRelativeRuleIsOffByDefaultAndItsSettingsAreChecked() {
    assertThat(StreamsSettings.from(Settings.of(Map.of())).slipPolicy().team().enabled()).isFalse();
    var team = StreamsSettings.from(Settings.of(Map.of("slip.team-percentile", "15", "slip.team-min-size", "8")))
        .slipPolicy().team();
    assertThat(team).isEqualTo(new com.coachstream.streams.slip.TeamRelativeRule(15, 8));
    assertThatThrownBy(() -> StreamsSettings.from(Settings.of(Map.of("slip.team-percentile", "100"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("slip.team-percentile");
    assertThatThrownBy(() -> StreamsSettings.from(Settings.of(Map.of("slip.team-min-size", "1"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("slip.team-min-size");
  }

  @Test
  void leniencySettingsHaveDefaultsAndAreCheckedInBothModes() {
    StreamsSettings defaults = StreamsSettings.from(Settings.of(Map.of()));
    assertThat(defaults.leniencyPriorEvaluations()).isEqualTo(3.0);
    assertThat(defaults.leniencyPairingRetention()).isEqualTo(java.time.Duration.ofDays(30));
    assertThat(StreamsSettings.from(Settings.of(Map.of("leniency.prior-evaluations", "7.5"))).leniencyPriorEvaluations())
        .isEqualTo(7.5);
    assertThatThrownBy(() -> StreamsSettings.from(Settings.of(Map.of("leniency.prior-evaluations", "0"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("leniency.prior-evaluations");
    assertThatThrownBy(() -> StreamsSettings.from(Settings.of(Map.of("alert.mode", "statistical",
        "leniency.pairing-retention", "soon")))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("leniency.pairing-retention");
  }
}
