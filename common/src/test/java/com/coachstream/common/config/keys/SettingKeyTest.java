package com.coachstream.common.config.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingKeyTest {

  private static SettingKey key(String name) {
    return new SettingKey(name, "", "", Set.of(Service.NOTIFIER), false);
  }

  @Test
  void placeholdersStandForOneWordOrTheListedOnesOrTheRestAtTheEnd() {
    assertThat(key("channel.<name>.smtp.host").matches("channel.mail.smtp.host")).isTrue();
    assertThat(key("channel.<name>.smtp.host").matches("channel.a.b.smtp.host")).isFalse();
    assertThat(key("channel.<name>.smtp.host").matches("channel.mail.smtp.hosts")).isFalse();
    assertThat(key("slip.<soft|hard>.floor").matches("slip.hard.floor")).isTrue();
    assertThat(key("slip.<soft|hard>.floor").matches("slip.firm.floor")).isFalse();
    assertThat(key("routes.team.<teamId>").matches("routes.team.north.east")).isTrue();
    assertThat(key("window.size").matches("window.size")).isTrue();
    assertThat(key("window.size").matches("window.sizes")).isFalse();
  }

  @Test
  void theClosestInstanceTakesTheGivenWordsForThePlaceholders() {
    assertThat(key("channel.<name>.smtp.host").closestInstance("channel.mail.smtp.hots")).isEqualTo("channel.mail.smtp.host");
    assertThat(key("slip.<soft|hard>.floor").closestInstance("slip.hard.flor")).isEqualTo("slip.hard.floor");
    assertThat(key("slip.<soft|hard>.floor").closestInstance("slip.hadr.floor")).isEqualTo("slip.soft.floor");
    assertThat(key("tips.<skill>").closestInstance("tips.empathy")).isEqualTo("tips.empathy");
    assertThat(key("channel.<name>.smtp.host").closestInstance("channel")).isEqualTo("channel.<name>.smtp.host");
    assertThat(key("window.size").closestInstance("anything")).isEqualTo("window.size");
  }

  @Test
  void closeNamesAreSuggestedAndFarOnesAreNot() {
    assertThat(ClosestName.among("slip.flor", Set.of("slip.floor", "slip.cooldown"))).contains("slip.floor");
    assertThat(ClosestName.among("alert.mode", Set.of("alerts.retention", "slip.floor"))).isEmpty();
    assertThat(ClosestName.among("linger.mss", KafkaClientKeys.names(Service.NOTIFIER))).contains("linger.ms");
  }
}
