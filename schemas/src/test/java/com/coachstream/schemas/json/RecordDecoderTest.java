package com.coachstream.schemas.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachstream.schemas.Fixtures;
import com.coachstream.schemas.serde.AvroDecodingException;
import com.coachstream.schemas.serde.AvroSerde;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class RecordDecoderTest {

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void decodesEveryTypeFromItsBytesAloneToTheSameJsonAsTheTypedMapping() {
    for (SpecificRecord record : Fixtures.everyType()) {
      byte[] bytes = new AvroSerde(record.getClass()).serialize("t", record);
      assertThat(RecordDecoder.toJson(bytes)).isEqualTo(AvroJson.toJson(record));
    }
  }

  @Test
  void bytesThatAreNotARecordSayWhy() {
    assertThatThrownBy(() -> RecordDecoder.toJson("hello world".getBytes()))
        .isInstanceOf(AvroDecodingException.class).hasMessageContaining("no C3 01 marker");
    assertThatThrownBy(() -> RecordDecoder.toJson(new byte[] {(byte) 0xC3, 1, 1, 2, 3, 4, 5, 6, 7, 8, 0}))
        .isInstanceOf(AvroDecodingException.class).hasMessageContaining("unknown writer schema");
  }
}
