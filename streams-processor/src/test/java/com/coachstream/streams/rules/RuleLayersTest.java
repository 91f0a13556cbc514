package com.coachstream.streams.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleLayersTest {

  @Test
  void theUpperLayerWinsKeyByKeyAndTheRestShowsThrough() {
    assertThat(RuleLayers.over(Map.of("slip.floor", "80"), Map.of("slip.floor", "70", "slip.max-drop", "10")))
        .containsExactlyInAnyOrderEntriesOf(Map.of("slip.floor", "80", "slip.max-drop", "10"));
  }

  @Test
  void aGeneralSettingReplacesTheLowerLayersPerCategoryForms() {
    assertThat(RuleLayers.over(Map.of("slip.floor", "80"),
        Map.of("slip.soft.floor", "65", "slip.hard.floor", "60", "slip.hard.max-drop", "5")))
        .containsExactlyInAnyOrderEntriesOf(Map.of("slip.floor", "80", "slip.hard.max-drop", "5"));
  }

  @Test
  void aPerCategorySettingOfTheUpperLayerWinsOverItsGeneralForm() {
    assertThat(RuleLayers.over(Map.of("slip.soft.floor", "75", "slip.floor", "80"), Map.of()))
        .containsExactlyInAnyOrderEntriesOf(Map.of("slip.soft.floor", "75", "slip.floor", "80"));
  }

  @Test
  void settingsWithoutPerCategoryFormsAndEmptyLayersAreLaidAsTheyAre() {
    assertThat(RuleLayers.over(Map.of("slip.sustain", "2/3"), Map.of("slip.confidence", "0.9", "window.size", "7d")))
        .containsExactlyInAnyOrderEntriesOf(Map.of("slip.sustain", "2/3", "slip.confidence", "0.9", "window.size", "7d"));
    assertThat(RuleLayers.over(Map.of(), Map.of())).isEmpty();
  }
}
