package com.coachstream.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleFormTest {

  @Test
  void oneSettingPerLineWithBlankLinesAndCommentsIgnored() {
    RuleForm.Parsed parsed = RuleForm.parse("slip.floor = 80\r\n\n# noisy team\n slip.sustain=2/3 \n");
    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.settings()).containsExactly(Map.entry("slip.floor", "80"), Map.entry("slip.sustain", "2/3"));
  }

  @Test
  void anEmptyFormIsNoSettings() {
    assertThat(RuleForm.parse("").settings()).isEmpty();
    assertThat(RuleForm.parse(null).settings()).isEmpty();
  }

  @Test
  void linesThatAreNotKeyEqualsValueAndRepeatedKeysAreNamed() {
    assertThat(RuleForm.parse("slip.floor\n=80\nslip.floor=\nslip.hysteresis=2\nslip.hysteresis=3").problems()).containsExactly(
        "Line 1 is not key=value: slip.floor", "Line 2 is not key=value: =80", "Line 3 is not key=value: slip.floor=",
        "Line 5 sets slip.hysteresis a second time");
  }

  @Test
  void theFormShowsSettingsSortedOnePerLine() {
    assertThat(RuleForm.text(Map.of("slip.sustain", "2/3", "slip.floor", "80"))).isEqualTo("slip.floor=80\nslip.sustain=2/3\n");
  }
}
