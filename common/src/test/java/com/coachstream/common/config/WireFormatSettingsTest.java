package com.coachstream.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachstream.schemas.registry.WireFormat;
import com.coachstream.schemas.serde.AvroSerde;
import com.coachstream.schemas.serde.RegistryAvroSerde;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireFormatSettingsTest {

  @Test
  void byDefaultEveryTopicIsSingleObjectWithNoRegistry() {
    var topics = KafkaSettings.topics(Settings.of(Map.of()));
    assertThat(topics.avro().writeFormat()).isEqualTo(WireFormat.SINGLE_OBJECT);
    assertThat(topics.avro().registry()).isEmpty();
    assertThat(topics.alerts().valueSerde()).isInstanceOf(AvroSerde.class);
  }

  @Test
  void registryModeGivesEveryAvroTopicARegistrySerde() {
    var topics = KafkaSettings.topics(Settings.of(Map.of("wire.format", "registry",
        "schema.registry.url", "http://127.0.0.1:1/apis/ccompat/v7", "schema.registry.basic.auth.user-info", "u:p")));
    assertThat(topics.avro().writeFormat()).isEqualTo(WireFormat.REGISTRY);
    assertThat(topics.avro().registry()).get().satisfies(r -> assertThat(r.connection().authorization()).isPresent());
    assertThat(topics.skillScores().keySerde()).isInstanceOf(RegistryAvroSerde.class);
    assertThat(topics.interactions().valueSerde()).isInstanceOf(RegistryAvroSerde.class);
  }

  @Test
  void aRegistryUrlAloneKeepsWritingSingleObjectButReadsBoth() {
    var avro = KafkaSettings.avroSerdes(Settings.of(Map.of("schema.registry.url", "http://127.0.0.1:1")));
    assertThat(avro.writeFormat()).isEqualTo(WireFormat.SINGLE_OBJECT);
    assertThat(avro.registry()).isPresent();
  }

  @Test
  void wrongValuesStopTheServiceWithAClearMessage() {
    assertThatThrownBy(() -> KafkaSettings.avroSerdes(Settings.of(Map.of("wire.format", "registry"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("needs schema.registry.url");
    assertThatThrownBy(() -> KafkaSettings.avroSerdes(Settings.of(Map.of("wire.format", "avro"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("single-object, registry");
    assertThatThrownBy(() -> KafkaSettings.avroSerdes(Settings.of(Map.of("schema.registry.url", "registry:8080"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("http:// or https://");
  }
}
