package com.coachstream.notifier.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachstream.notifier.EnrichedAlert;
import com.coachstream.notifier.TestAlerts;
import org.junit.jupiter.api.Test;

/** Every channel links back to the alert in the workspace when its public URL is set, and none does otherwise. */
class WorkspaceLinkTest {

  @Test
  void linksToTheAlertPageWithTheIdEncoded() {
    WorkspaceLink links = new WorkspaceLink("https://coach.example.com/");
    assertThat(links.forAlert("slip agent-1/SOFT")).isEqualTo("https://coach.example.com/alerts/slip%20agent-1%2FSOFT");
    assertThat(WorkspaceLink.NONE.forAlert("a-1")).isNull();
    assertThat(new WorkspaceLink(" ").forAlert("a-1")).isNull();
    assertThatThrownBy(() -> new WorkspaceLink("javascript:alert(1)")).hasMessageContaining("workspace.public-url");
    assertThatThrownBy(() -> new WorkspaceLink("https://x.example/?token=abc")).hasMessageContaining("without query");
  }

  @Test
  void everyChannelCarriesTheLinkWhenThereIsOne() throws Exception {
    EnrichedAlert plain = TestAlerts.enriched("alert-7");
    String link = "https://coach.example.com/alerts/alert-7";
    EnrichedAlert linked = new EnrichedAlert(plain.alert(), plain.agent(), link);

    assertThat(SlackMessage.toJson(linked).toString()).contains("<" + link + "|Open in the workspace>");
    assertThat(TeamsCard.toJson(linked).toString()).contains("Action.OpenUrl").contains(link);
    EmailContent email = EmailContent.of(linked);
    assertThat(email.text()).contains("Open in the workspace: " + link);
    assertThat(email.html()).contains("<a href=\"" + link + "\">Open in the workspace</a>");
    assertThat(WebhookPayload.toJson(linked).get("link").asText()).isEqualTo(link);

    assertThat(SlackMessage.toJson(plain).toString()).doesNotContain("Open in the workspace");
    assertThat(TeamsCard.toJson(plain).toString()).doesNotContain("Action.OpenUrl");
    assertThat(EmailContent.of(plain).text()).doesNotContain("workspace");
    assertThat(WebhookPayload.toJson(plain).get("link").isNull()).isTrue();
  }
}
