package com.coachstream.producer.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachstream.schemas.validation.ReasonCode;
import com.coachstream.schemas.validation.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestBodyTest {

  static List<RequestBody.Item> parse(String body) {
    return RequestBody.parse(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void objectArrayAndNdjson() {
    assertThat(parse("{\"a\":1}")).hasSize(1);
    assertThat(parse(" [ {\"a\":1}, {\"a\":2} ] ")).hasSize(2);
    assertThat(parse("{\n  \"a\": 1\n}")).as("a pretty-printed object is one event").hasSize(1);
    assertThat(parse("{\"a\":1}\n\n{\"a\":2}\n{\"a\":3}\n")).hasSize(3);
  }

  @Test
  void aMalformedNdjsonLineIsOneRejectedItem() {
    List<RequestBody.Item> items = parse("{\"a\":1}\n{\"a\":\n{\"a\":3}");
    assertThat(items).hasSize(3);
    assertThat(items.get(1).error().reason()).isEqualTo(ReasonCode.BAD_JSON);
    assertThat(items.get(0).json()).isNotNull();
    assertThat(items.get(2).json()).isNotNull();
  }

  @Test
  void emptyOrBrokenBodyIsRefusedAsAWhole() {
    assertThatThrownBy(() -> parse("  ")).isInstanceOf(ValidationException.class).hasMessageContaining("the body is empty");
    assertThatThrownBy(() -> parse("[{\"a\":1},")).isInstanceOf(ValidationException.class).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> parse("{\"a\":")).isInstanceOf(ValidationException.class);
  }
}
