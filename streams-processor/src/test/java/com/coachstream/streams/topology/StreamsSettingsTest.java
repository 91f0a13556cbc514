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
