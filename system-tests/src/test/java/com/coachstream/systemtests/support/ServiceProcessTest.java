package com.coachstream.systemtests.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceProcessTest {

  @Test
  void settingsBecomeTheOptionsAnOperatorWouldType() {
    assertThat(ServiceProcess.commandLine(Map.of("bootstrap.servers", "b:9093", "kafka.security.protocol", "SSL",
        "topic.alerts", "x.alerts", "application-id", "app"), 8123))
        .containsExactly("--set", "application-id=app", "--bootstrap-servers", "b:9093",
            "--kafka-property", "security.protocol=SSL", "--set", "topic.alerts=x.alerts", "--set", "http.port=8123");
  }

  @Test
  void theHttpPortIsChosenByTheProcessNotTheCaller() {
    assertThatThrownBy(() -> ServiceProcess.commandLine(Map.of("http.port", "1"), 2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
