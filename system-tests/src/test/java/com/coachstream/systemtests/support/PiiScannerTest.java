package com.coachstream.systemtests.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PiiScannerTest {

  private final PiiScanner scanner = new PiiScanner(Set.of("cust-0000abcd", "cust-12345678"));

  @Test
  void findsEveryReferenceSentWhereverItIsAndCountsPerPlace() {
    assertThat(scanner.scan("logs", "customer cust-0000abcd called; so did cust-12345678 and cust-0000abcd")).isEqualTo(3);
    assertThat(scanner.scan("topic", ("\u0000\u001acust-12345678\u0002").getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(1);
    assertThat(scanner.found()).containsEntry("logs", 3).containsEntry("topic", 1);
    assertThat(scanner.scanned()).containsEntry("logs", 1).containsEntry("topic", 1);
  }

  @Test
  void ignoresReferencesThatWereNotSentAndEmptyInput() {
    assertThat(scanner.scan("logs", "cust-ffffffff is someone else")).isZero();
    assertThat(scanner.scan("topic", (byte[]) null)).isZero();
    assertThat(scanner.found()).isEmpty();
  }

  @Test
  void refusesReferencesTheFormatWouldMiss() {
    PiiScanner.requireFormat("cust-0badc0de");
    assertThatThrownBy(() -> PiiScanner.requireFormat("customer 42")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("would miss");
  }
}
