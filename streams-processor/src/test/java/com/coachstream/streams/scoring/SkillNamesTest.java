package com.coachstream.streams.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SkillNamesTest {

  @Test
  void namesAreIndexedOnceInTheOrderTheyCome() {
    SkillNames names = new SkillNames();
    assertThat(names.index("empathy")).isZero();
    assertThat(names.index("patience")).isEqualTo(1);
    assertThat(names.index(new String("empathy".toCharArray()))).as("an equal name from elsewhere").isZero();
    assertThat(names.index("compliance")).isEqualTo(2);
  }

  @Test
  void namesReadBackAreTheInternedInstancesTheTaxonomyHandsOut() {
    SkillNames names = new SkillNames();
    names.index(new String("active_listening".toCharArray()));
    names.index(new String("a skill only a configuration knows".toCharArray()));
    StateWriter out = new StateWriter(16);
    names.write(out);
    String[] read = SkillNames.read(new StateReader(out.toByteArray()));
    assertThat(read).containsExactly("active_listening", "a skill only a configuration knows");
    assertThat(read[0]).isSameAs("active_listening".intern());
    assertThat(read[1]).isSameAs("a skill only a configuration knows".intern());
  }

  @Test
  void aNameReadAgainIsTheSameInstanceAndUnknownBytesStillReadAsTheirString() {
    SkillNames names = new SkillNames();
    names.index("empathy");
    names.index("emp\u00e4thy");
    names.index("empathy_and_more");
    StateWriter out = new StateWriter(16);
    names.write(out);
    byte[] bytes = out.toByteArray();
    String[] first = SkillNames.read(new StateReader(bytes));
    String[] again = SkillNames.read(new StateReader(bytes));
    assertThat(again).containsExactly("empathy", "emp\u00e4thy", "empathy_and_more");
    for (int i = 0; i < again.length; i++) {
      assertThat(again[i]).isSameAs(first[i]);
    }
  }
}
