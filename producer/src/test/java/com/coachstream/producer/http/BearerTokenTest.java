package com.coachstream.producer.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerTokenTest {

  @Test
  void noTokenConfiguredAdmitsEveryone() {
    BearerToken open = BearerToken.of(" ");
    assertThat(open.required()).isFalse();
    assertThat(open.admits((String) null)).isTrue();
  }

  @Test
  void configuredTokenMustMatchExactly() {
    BearerToken token = BearerToken.of("s3cret");
    assertThat(token.admits("Bearer s3cret")).isTrue();
    assertThat(token.admits("bearer s3cret")).as("scheme is case-insensitive").isTrue();
    assertThat(token.admits("Bearer s3cre")).isFalse();
    assertThat(token.admits("Bearer s3cret2")).isFalse();
    assertThat(token.admits("Basic s3cret")).isFalse();
    assertThat(token.admits((String) null)).isFalse();
    assertThat(token.admits("Bearer")).isFalse();
  }
}
