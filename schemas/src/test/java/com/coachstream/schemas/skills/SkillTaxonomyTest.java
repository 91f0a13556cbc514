package com.coachstream.schemas.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachstream.avro.SkillCategory;
import org.junit.jupiter.api.Test;

class SkillTaxonomyTest {

  @Test
  void theDefaultTaxonomyHasTheSpecSkills() {
    SkillTaxonomy taxonomy = SkillTaxonomy.defaults();
    assertThat(taxonomy.skillsOf(SkillCategory.SOFT)).containsExactly("empathy", "active_listening", "communication",
        "patience", "adaptability", "problem_solving", "conflict_resolution", "ownership", "rapport");
    assertThat(taxonomy.skillsOf(SkillCategory.HARD)).containsExactly("product_knowledge", "system_proficiency",
        "data_accuracy", "compliance", "process_adherence", "language_proficiency");
    assertThat(taxonomy.category("compliance")).isEqualTo(SkillCategory.HARD);
  }

  @Test
  void everyNameOfASkillResolvesToOneInternedInstance() {
    SkillTaxonomy taxonomy = SkillTaxonomy.builder().skill("upselling", SkillCategory.HARD).alias("Cross Sell", "upselling")
        .build();
    String fresh = new String("empathy".toCharArray()); // as decoded from an event: equal, not the same instance
    assertThat(taxonomy.resolve(fresh).orElseThrow()).isSameAs("empathy".intern());
    assertThat(taxonomy.resolve("Problem Solving").orElseThrow()).isSameAs("problem_solving".intern());
    String configured = taxonomy.resolve(new String("upselling".toCharArray())).orElseThrow();
    assertThat(configured).isSameAs("upselling".intern());
    assertThat(taxonomy.resolve("cross-sell").orElseThrow()).isSameAs(configured);
  }

  @Test
  void namesResolveRegardlessOfCaseSpacesAndHyphens() {
    SkillTaxonomy taxonomy = SkillTaxonomy.defaults();
    assertThat(taxonomy.resolve("Active Listening")).contains("active_listening");
    assertThat(taxonomy.resolve("problem-solving")).contains("problem_solving");
    assertThat(taxonomy.resolve("juggling")).isEmpty();
    assertThat(taxonomy.resolve(null)).isEmpty();
  }

  @Test
  void configurationAddsSkillsAndAliases() {
    SkillTaxonomy taxonomy = SkillTaxonomy.builder()
        .skill("upselling", SkillCategory.HARD)
        .alias("Greeting & Tone", "rapport")
        .build();
    assertThat(taxonomy.resolve("upselling")).contains("upselling");
    assertThat(taxonomy.category("upselling")).isEqualTo(SkillCategory.HARD);
    assertThat(taxonomy.resolve("greeting & tone")).contains("rapport");
    assertThatThrownBy(() -> SkillTaxonomy.builder().alias("x", "nope")).hasMessageContaining("unknown skill 'nope'");
    assertThatThrownBy(() -> SkillTaxonomy.builder().skill("bad/id", SkillCategory.SOFT)).hasMessageContaining("[a-z0-9_]");
    assertThatThrownBy(() -> taxonomy.category("nope")).isInstanceOf(IllegalArgumentException.class);
  }

  /** resolve() takes a name that is a skill id as it is: right only because every skill id is its own normal form. */
  @Test
  void everySkillIdIsItsOwnNormalForm() {
    SkillTaxonomy taxonomy = SkillTaxonomy.builder().skill("Cross-Selling", SkillCategory.HARD).build();
    assertThat(taxonomy.skills()).isNotEmpty();
    for (String id : taxonomy.skills().keySet()) {
      assertThat(SkillTaxonomy.normalise(id)).isEqualTo(id);
      assertThat(taxonomy.resolve(id)).contains(id);
    }
    assertThat(taxonomy.resolve(" Cross selling ")).contains("cross_selling");
  }
}
