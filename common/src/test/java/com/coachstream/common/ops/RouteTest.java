package com.coachstream.common.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTest {

  private final Route scores = new Route("get", "/api/agents/{agentId}/scores");

  @Test
  void aTemplateSegmentTakesOneNonEmptySegment() {
    assertThat(scores.match("/api/agents/agent-7/scores")).contains(Map.of("agentId", "agent-7"));
    assertThat(scores.match("/api/agents//scores")).isEmpty();
    assertThat(scores.match("/api/agents/a/b/scores")).isEmpty();
    assertThat(scores.match("/api/agents/a/scores/")).isEmpty();
    assertThat(scores.match("/api/agents/a/windows")).isEmpty();
  }

  @Test
  void fixedPathsMatchExactly() {
    Route health = new Route("GET", "/health");
    assertThat(health.match("/health")).contains(Map.of());
    assertThat(health.match("/healthz")).isEmpty();
    assertThat(health.match("/health/")).isEmpty();
    assertThat(health.match("/")).isEmpty();
  }

  @Test
  void methodsAreUpperCaseAndTemplatesAbsolute() {
    assertThat(scores.method()).isEqualTo("GET");
    assertThat(scores).hasToString("GET /api/agents/{agentId}/scores");
    assertThatThrownBy(() -> new Route("GET", "health")).isInstanceOf(IllegalArgumentException.class);
  }
}
