package com.coachstream.streams.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.schemas.skills.SkillTaxonomy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TipLibraryTest {

  @Test
  void everySkillOfTheDefaultTaxonomyHasItsOwnTip() {
    TipLibrary tips = TipLibrary.defaults();
    SkillTaxonomy.defaults().skills().keySet().forEach(skill -> {
      assertThat(tips.hasOwnTip(skill)).as(skill).isTrue();
      assertThat(tips.tip(skill)).as(skill).hasSizeBetween(40, 200);
    });
  }

  @Test
  void configuredTipsReplaceDefaultsAndUnknownSkillsGetTheGeneralTip() {
    TipLibrary tips = TipLibrary.withOverrides(Map.of("empathy", "Smile.", "upselling", "Offer the bundle."));
    assertThat(tips.tip("empathy")).isEqualTo("Smile.");
    assertThat(tips.tip("upselling")).isEqualTo("Offer the bundle.");
    assertThat(tips.tip("juggling")).isEqualTo(TipLibrary.GENERAL_TIP);
  }
}
