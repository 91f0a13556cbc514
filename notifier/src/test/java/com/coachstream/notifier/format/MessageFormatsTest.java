package com.coachstream.notifier.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.notifier.EnrichedAlert;
import com.coachstream.notifier.TestAlerts;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class MessageFormatsTest {

  private final EnrichedAlert hostile = new EnrichedAlert(TestAlerts.slip("a-1", "agent-7", "team-a"),
      TestAlerts.agent("agent-7", "<script>alert('x')</script> & <@U123>", "team-a"));

  @Test
  void htmlEscapesTheFiveSpecialCharacters() {
    assertThat(Html.escape("<a href=\"x\">'&'</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    assertThat(Html.escape(null)).isEmpty();
  }

  @Test
  void emailHtmlNeverContainsEventMarkup() {
    EmailContent mail = EmailContent.of(hostile);
    assertThat(mail.html()).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp;");
    assertThat(mail.text()).contains("<script>alert('x')</script>");
    assertThat(mail.subject()).doesNotContain("\n");
  }

  @Test
  void slackEscapesMentionsAndMarkup() {
    JsonNode slack = SlackMessage.toJson(hostile);
    assertThat(slack.toString()).doesNotContain("<@U123>").doesNotContain("<script>");
    assertThat(slack.at("/blocks/1/text/text").asText()).contains("&lt;@U123&gt;");
  }

  @Test
  void slackSlipShowsScoresSkillsEvidenceAndTip() {
    JsonNode slack = SlackMessage.toJson(TestAlerts.enriched("a-1"));
    assertThat(slack.get("text").asText()).isEqualTo(":warning: Coaching needed: Dana Lee is slipping in soft skills");
    assertThat(slack.at("/blocks/0/type").asText()).isEqualTo("header");
    assertThat(slack.at("/blocks/1/text/text").asText()).contains("score 58.3 vs baseline 74.0, floor 70.0");
    assertThat(slack.at("/blocks/2/text/text").asText()).contains("empathy 52.0 (-18.0 vs baseline)");
    assertThat(slack.at("/blocks/3/text/text").asText()).contains("eval-7");
    assertThat(slack.at("/blocks/4/text/text").asText()).contains("Name the customer's feeling");
  }

  @Test
  void slackRecoveryIsGoodNewsWithoutTips() {
    var alert = new EnrichedAlert(TestAlerts.recovery("a-2", "agent-7", "team-a"), TestAlerts.agent("agent-7", "Dana Lee", "team-a"));
    JsonNode slack = SlackMessage.toJson(alert);
    assertThat(slack.get("text").asText()).startsWith(":white_check_mark: Good news");
    assertThat(slack.toString()).doesNotContain("Coaching tip").doesNotContain(":warning:");
  }

  @Test
  void teamsCardIsAnAdaptiveCardColouredByType() {
    JsonNode card = TeamsCard.toJson(TestAlerts.enriched("a-1"));
    assertThat(card.get("type").asText()).isEqualTo("message");
    assertThat(card.at("/attachments/0/contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
    assertThat(card.at("/attachments/0/content/type").asText()).isEqualTo("AdaptiveCard");
    assertThat(card.at("/attachments/0/content/body/0/color").asText()).isEqualTo("Attention");
    var recovery = new EnrichedAlert(TestAlerts.recovery("a-2", "agent-7", "team-a"), null);
    assertThat(TeamsCard.toJson(recovery).at("/attachments/0/content/body/0/color").asText()).isEqualTo("Good");
  }

  @Test
  void aReminderSaysSoInEveryChannelAndNamesTheAlertAndWhenItWasRaised() {
    EnrichedAlert reminder = TestAlerts.enriched("a-1").asReminder();
    String line = "Reminder: alert a-1, raised at 2024-03-10T14:30:00Z, has not been acknowledged or acted on.";
    assertThat(AlertWording.logLine(reminder)).startsWith("REMINDER  no action yet on the alert raised at 2024-03-10T14:30:00Z: Dana Lee")
        .contains("alert a-1");
    assertThat(WebhookPayload.toJson(reminder).get("reminder").asBoolean()).isTrue();
    assertThat(WebhookPayload.toJson(reminder).get("alertId").asText()).isEqualTo("a-1");
    assertThat(WebhookPayload.toJson(TestAlerts.enriched("a-1")).get("reminder").asBoolean()).isFalse();
    JsonNode slack = SlackMessage.toJson(reminder);
    assertThat(slack.get("text").asText()).isEqualTo(":alarm_clock: Reminder: Dana Lee is still slipping in soft skills, no action yet");
    assertThat(slack.at("/blocks/1/text/text").asText()).isEqualTo("*" + line + "*");
    JsonNode card = TeamsCard.toJson(reminder);
    assertThat(card.at("/attachments/0/content/body/0/text").asText()).startsWith("Reminder: ");
    assertThat(card.at("/attachments/0/content/body/1/text").asText()).isEqualTo(line);
    EmailContent mail = EmailContent.of(reminder);
    assertThat(mail.subject()).isEqualTo("[CoachStream] Reminder: Dana Lee is still slipping in soft skills, no action yet");
    assertThat(mail.text()).startsWith(line);
    assertThat(mail.html()).contains("<p><b>" + line + "</b></p>");
  }

  @Test
  void theAlertItselfIsNotWordedAsAReminder() {
    EnrichedAlert alert = TestAlerts.enriched("a-1");
    assertThat(AlertWording.logLine(alert)).startsWith("SLIPPING  ").doesNotContain("Reminder");
    assertThat(EmailContent.of(alert).text()).doesNotContain("Reminder");
    assertThat(SlackMessage.toJson(alert).toString()).doesNotContain("Reminder");
    assertThat(TeamsCard.toJson(alert).toString()).doesNotContain("Reminder");
  }

  @Test
  void everyChannelSaysHowSureAStatisticalAlertIs() {
    EnrichedAlert statistical = TestAlerts.enriched("a-3");
    statistical.alert().setProbability(0.9721);
    statistical.alert().setIntervalLow(55.1);
    statistical.alert().setIntervalHigh(61.04);
    String sure = "97.2% sure, true score 55.1 to 61.0";
    assertThat(SlackMessage.toJson(statistical).at("/blocks/1/text/text").asText()).contains(sure);
    assertThat(TeamsCard.toJson(statistical).toString()).contains("Certainty").contains(sure);
    assertThat(EmailContent.of(statistical).text()).contains(sure);
    assertThat(EmailContent.of(statistical).html()).contains(sure);
    JsonNode webhook = WebhookPayload.toJson(statistical);
    assertThat(webhook.get("probability").asDouble()).isEqualTo(0.9721);
    assertThat(webhook.at("/interval/low").asDouble()).isEqualTo(55.1);
    assertThat(webhook.at("/interval/high").asDouble()).isEqualTo(61.04);
  }

  @Test
  void thresholdAlertsSayNothingOfCertaintyAndTheWebhookKeepsItsShape() {
    EnrichedAlert threshold = TestAlerts.enriched("a-4");
    assertThat(AlertWording.scoreLine(threshold.alert())).isEqualTo("score 58.3 vs baseline 74.0, floor 70.0 (9 samples)");
    assertThat(TeamsCard.toJson(threshold).toString()).doesNotContain("Certainty");
    JsonNode webhook = WebhookPayload.toJson(threshold);
    assertThat(webhook.get("probability").isNull()).isTrue();
    assertThat(webhook.at("/interval/low").isNull()).isTrue();
    assertThat(webhook.get("ruleSet").isNull()).as("an alert written before rules per team").isTrue();
  }

  @Test
  void everyChannelNamesTheRulesThatRaisedTheAlert() {
    EnrichedAlert alert = TestAlerts.enriched("a-5");
    alert.alert().setRuleSet("team-04@3,*@2");
    assertThat(AlertWording.scoreLine(alert.alert()))
        .isEqualTo("score 58.3 vs baseline 74.0, floor 70.0 (9 samples), rules team-04@3,*@2");
    assertThat(SlackMessage.toJson(alert).toString()).contains("rules team-04@3,*@2");
    assertThat(TeamsCard.toJson(alert).toString()).contains("\"Rules\"").contains("team-04@3,*@2");
    assertThat(EmailContent.of(alert).text()).contains("rules team-04@3,*@2");
    assertThat(WebhookPayload.toJson(alert).get("ruleSet").asText()).isEqualTo("team-04@3,*@2");
  }
}
