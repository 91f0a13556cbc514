package com.coachstream.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReuseMeterTest {

  @Test
  void isWorthKeepingUntilAFirstPeriodSaysOtherwise() {
    ReuseMeter meter = new ReuseMeter(4);
    assertThat(meter.worthKeeping()).isTrue();
    meter.read(false);
    meter.read(false);
    meter.read(false);
    assertThat(meter.worthKeeping()).as("judged only when a period is complete").isTrue();
    meter.read(false);
    assertThat(meter.worthKeeping()).isFalse();
  }

  @ParameterizedTest(name = "{0} of 4 reads found their key: worth keeping {1}")
  @CsvSource({"0, false", "1, false", "2, true", "3, true", "4, true"})
  void judgesEachPeriodByWhetherAtLeastHalfOfItsReadsFoundTheirKey(int found, boolean worthKeeping) {
    ReuseMeter meter = new ReuseMeter(4);
    for (int read = 0; read < 4; read++) {
      meter.read(read < found);
    }
    assertThat(meter.worthKeeping()).isEqualTo(worthKeeping);
  }

  @Test
  void anOddPeriodNeedsMoreThanHalf() {
    ReuseMeter meter = new ReuseMeter(3);
    meter.read(true);
    meter.read(false);
    meter.read(false);
    assertThat(meter.worthKeeping()).isFalse();
    meter.read(true);
    meter.read(true);
    meter.read(false);
    assertThat(meter.worthKeeping()).isTrue();
  }

  @Test
  void eachPeriodStartsAfresh() {
    ReuseMeter meter = new ReuseMeter(2);
    meter.read(false);
    meter.read(false);
    assertThat(meter.worthKeeping()).isFalse();
    meter.read(true);
    assertThat(meter.worthKeeping()).as("the new period is not complete").isFalse();
    meter.read(true);
    assertThat(meter.worthKeeping()).isTrue();
    meter.read(true);
    meter.read(false);
    assertThat(meter.worthKeeping()).as("half is enough").isTrue();
  }

  @Test
  void refusesAnEmptyPeriod() {
    assertThatThrownBy(() -> new ReuseMeter(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }
}
