package com.coachstream.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WireFormatTest {

  @Test
  void parsesTheSettingValuesWhateverTheCase() {
    assertThat(WireFormat.parse("single-object")).isEqualTo(WireFormat.SINGLE_OBJECT);
    assertThat(WireFormat.parse(" Registry ")).isEqualTo(WireFormat.REGISTRY);
  }

  @Test
  void anUnknownValueNamesTheChoices() {
    assertThatThrownBy(() -> WireFormat.parse("confluent"))
        .hasMessage("wire.format must be one of single-object, registry, not 'confluent'");
    assertThatThrownBy(() -> WireFormat.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
