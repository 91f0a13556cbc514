package com.coachstream.notifier.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void keepsSchemeHostAndPortOnly() {
    assertThat(Redaction.target(URI.create("https://hooks.slack.com/services/T000/B000/XXXXSECRET?x=1")))
        .isEqualTo("https://hooks.slack.com");
    assertThat(Redaction.target(URI.create("http://127.0.0.1:8099/hook/token"))).isEqualTo("http://127.0.0.1:8099");
    assertThat(Redaction.target(URI.create("https://user:pw@example.com/x"))).isEqualTo("https://example.com");
  }

  @Test
  void unparseableTargetsAreFullyRedacted() {
    assertThat(Redaction.target(URI.create("mailto:someone@example.com"))).isEqualTo("<redacted>");
    assertThat(Redaction.target(null)).isEqualTo("<redacted>");
  }
}
