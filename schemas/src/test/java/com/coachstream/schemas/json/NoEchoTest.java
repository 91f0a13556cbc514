package com.coachstream.schemas.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Parser messages keep their explanation and lose the input they quote. */
class NoEchoTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static String parseError(String text) {
    try {
      JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return NoEcho.describe(e);
    }
    throw new AssertionError("parsed: " + text);
  }

  @Test
  void anUnrecognizedTokenIsNotQuotedButTheParsersWordsAre() {
    assertThat(parseError("{\"customerRef\": CR7731ab}"))
        .isEqualTo("Unrecognized token '…': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"
            + " (column 17)");
  }

  @Test
  void aSingleUnexpectedCharacterStaysAndMultiLineInputGivesTheLine() {
    assertThat(parseError("{\n\"a\" 1}")).startsWith("Unexpected character ('1' (code 49))").endsWith("(line 2, column 5)");
  }

  @Test
  void doubleQuotedInputIsRedactedToo() {
    assertThat(NoEcho.redact("Too many entries: expected at most 6 (value #6 (9 chars) \"CR77120ab\")"))
        .isEqualTo("Too many entries: expected at most 6 (value #6 (9 chars) '…')");
    assertThat(NoEcho.redact("channel must be one of [VOICE], was 'PIGEON'")).isEqualTo("channel must be one of [VOICE], was '…'");
  }

  @Test
  void anyOtherExceptionKeepsItsFirstLineRedacted() {
    assertThatThrownBy(() -> { throw new IllegalStateException("bad 'CR1' value\nsecond line"); })
        .satisfies(e -> assertThat(NoEcho.describe((Exception) e)).isEqualTo("bad '…' value"));
  }
}
