package com.coachstream.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.common.ops.HttpJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlipStateTest {

  private static JsonNode alert(String agent, String type, String category) {
    return HttpJson.MAPPER.createObjectNode().put("agentId", agent).put("type", type).put("category", category);
  }

  @Test
  void anAgentWithoutOpenAlertsIsOk() {
    SlipState state = new SlipState(List.of());
    assertThat(state.slipping("a-1")).isEmpty();
    assertThat(state.openAlerts("a-1")).isZero();
  }

  @Test
  void anOpenSlipMakesTheCategorySlippingAndCounts() {
    SlipState state = new SlipState(List.of(alert("a-1", "SLIP", "SOFT"), alert("a-2", "SLIP", "HARD")));
    assertThat(state.slipping("a-1")).containsExactly("SOFT");
    assertThat(state.openAlerts("a-1")).isEqualTo(1);
    assertThat(state.slipping("a-2")).containsExactly("HARD");
  }

  @Test
  void theNewestOpenAlertOfACategoryDecides() {
    // newest first: the RECOVERY came after the SLIP
    SlipState recovered = new SlipState(List.of(alert("a-1", "RECOVERY", "SOFT"), alert("a-1", "SLIP", "SOFT")));
    assertThat(recovered.slipping("a-1")).isEmpty();
    assertThat(recovered.openAlerts("a-1")).isEqualTo(2);
    SlipState slippedAgain = new SlipState(List.of(alert("a-1", "SLIP", "SOFT"), alert("a-1", "RECOVERY", "SOFT")));
    assertThat(slippedAgain.slipping("a-1")).containsExactly("SOFT");
  }

  @Test
  void categoriesAreJudgedApartAndListedInNameOrder() {
    SlipState state = new SlipState(List.of(alert("a-1", "SLIP", "SOFT"), alert("a-1", "RECOVERY", "HARD"),
        alert("a-1", "SLIP", "HARD")));
    assertThat(state.slipping("a-1")).containsExactly("SOFT");
    SlipState both = new SlipState(List.of(alert("a-1", "SLIP", "SOFT"), alert("a-1", "SLIP", "HARD")));
    assertThat(both.slipping("a-1")).containsExactly("HARD", "SOFT");
  }
}
