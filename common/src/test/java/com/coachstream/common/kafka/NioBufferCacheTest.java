package com.coachstream.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NioBufferCacheTest {

  private String before;

  @BeforeEach
  void remember() {
    before = System.getProperty(NioBufferCache.PROPERTY);
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(NioBufferCache.PROPERTY);
    } else {
      System.setProperty(NioBufferCache.PROPERTY, before);
    }
  }

  @Test
  void limitsTheCachedBufferWhenNothingIsSet() {
    System.clearProperty(NioBufferCache.PROPERTY);

    NioBufferCache.limit();

    assertThat(System.getProperty(NioBufferCache.PROPERTY)).isEqualTo("262144");
  }

  @Test
  void aValueGivenOnTheCommandLineWins() {
    System.setProperty(NioBufferCache.PROPERTY, "1048576");

    NioBufferCache.limit();

    assertThat(System.getProperty(NioBufferCache.PROPERTY)).isEqualTo("1048576");
  }
}
