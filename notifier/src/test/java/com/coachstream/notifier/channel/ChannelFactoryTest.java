package com.coachstream.notifier.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachstream.common.config.ConfigException;
import com.coachstream.common.config.Settings;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelFactoryTest {

  private static NotificationChannel create(Map<String, String> settings, String name) {
    return new ChannelFactory(Settings.of(settings), new Secrets(Map.of())).create(name);
  }

  @Test
  void aRouteNamedLogNeedsNoSettings() {
    assertThat(create(Map.of(), "log").type()).isEqualTo("log");
  }

  @Test
  void anUnconfiguredRouteIsAStartUpError() {
    assertThatThrownBy(() -> create(Map.of(), "ops")).isInstanceOf(ConfigException.class).hasMessageContaining("channel.ops.type");
  }

  @Test
  void unknownTypeAndBadUrlAreNamed() {
    assertThatThrownBy(() -> create(Map.of("channel.x.type", "pager"), "x")).hasMessageContaining("channel.x.type");
    assertThatThrownBy(() -> create(Map.of("channel.x.type", "slack", "channel.x.url", "ftp://h/x"), "x"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("channel.x.url").hasMessageNotContaining("ftp://h/x");
  }

  @Test
  void missingSecretVariableIsNamedButNoValueIsShown() {
    assertThatThrownBy(() -> create(Map.of("channel.x.type", "webhook", "channel.x.url", "https://h/x",
        "channel.x.secret-env", "NOT_SET_ANYWHERE"), "x")).hasMessageContaining("NOT_SET_ANYWHERE");
  }

  @Test
  void webhookUrlMayComeFromASecret() {
    var channel = new ChannelFactory(Settings.of(Map.of("channel.x.type", "slack", "channel.x.url-env", "SLACK_URL")),
        new Secrets(Map.of("SLACK_URL", "https://hooks.slack.com/services/T/B/token"))).create("x");
    assertThat(channel.redactedTarget()).isEqualTo("https://hooks.slack.com");
  }

  @Test
  void emailNeedsHostAndFrom() {
    assertThatThrownBy(() -> create(Map.of("channel.m.type", "email", "channel.m.from", "a@b.c"), "m"))
        .hasMessageContaining("channel.m.smtp.host");
    assertThat(create(Map.of("channel.m.type", "email", "channel.m.smtp.host", "smtp.example.com", "channel.m.from", "a@b.c"), "m")
        .redactedTarget()).isEqualTo("smtp://smtp.example.com:587");
  }

  @Test
  void configuredNamesAreFound() {
    var factory = new ChannelFactory(Settings.of(Map.of("channel.a.type", "log", "channel.b.url", "x")), new Secrets(Map.of()));
    assertThat(factory.configuredNames()).isEqualTo(Set.of("a", "b"));
  }
}
