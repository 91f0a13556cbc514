package com.coachstream.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FormatLocaleTest {

  private Locale format;
  private Locale display;

  @BeforeEach
  void remember() {
    format = Locale.getDefault(Locale.Category.FORMAT);
    display = Locale.getDefault(Locale.Category.DISPLAY);
  }

  @AfterEach
  void restore() {
    Locale.setDefault(Locale.Category.FORMAT, format);
    Locale.setDefault(Locale.Category.DISPLAY, display);
  }

  @Test
  void formatsNumbersAsEnUsWhateverTheHostsLocale() {
    Locale.setDefault(Locale.Category.FORMAT, Locale.GERMANY);
    assertThat(String.format("%.2f", 83.27)).isEqualTo("83,27");

    FormatLocale.useEnUs();

    assertThat(Locale.getDefault(Locale.Category.FORMAT)).isEqualTo(Locale.US);
    assertThat(String.format("%.2f of %,d", 83.27, 12000)).isEqualTo("83.27 of 12,000");
  }

  @Test
  void leavesTheDisplayLocaleAlone() {
    Locale.setDefault(Locale.Category.DISPLAY, Locale.FRANCE);

    FormatLocale.useEnUs();

    assertThat(Locale.getDefault(Locale.Category.DISPLAY)).isEqualTo(Locale.FRANCE);
  }
}
