package com.coachstream.notifier.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachstream.common.config.Settings;
import com.coachstream.notifier.EnrichedAlert;
import com.coachstream.notifier.TestAlerts;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The e-mail channel against GreenMail with authentication: over implicit TLS (smtps), and refusing to
 * send in clear when STARTTLS is required and the server does not offer it (GreenMail 2.1 has no STARTTLS).
 */
class EmailChannelTest {

  private static final ServerSetup SMTPS = ServerSetupTest.SMTPS.dynamicPort();
  private static final ServerSetup SMTP = ServerSetupTest.SMTP.dynamicPort();

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup[] {SMTPS, SMTP})
      .withConfiguration(GreenMailConfiguration.aConfig().withUser("notifier@example.com", "notifier", "s3cret"));

  private NotificationChannel email(String security, int port, String to) {
    Map<String, String> s = new HashMap<>(Map.of(
        "channel.mail.type", "email",
        "channel.mail.smtp.host", "127.0.0.1",
        "channel.mail.smtp.port", String.valueOf(port),
        "channel.mail.smtp.security", security,
        "channel.mail.smtp.trust", "127.0.0.1",
        "channel.mail.smtp.username", "notifier",
        "channel.mail.smtp.password-env", "SMTP_PASSWORD",
        "channel.mail.from", "CoachStream <notifier@example.com>",
        "channel.mail.to", to,
        "channel.mail.timeout", "5s"));
    return new ChannelFactory(Settings.of(s), new Secrets(Map.of("SMTP_PASSWORD", "s3cret"))).create("mail");
  }

  @Test
  void sendsTextAndEscapedHtmlToTheSupervisor() throws Exception {
    var hostile = new EnrichedAlert(TestAlerts.slip("alert-50", "agent-7", "team-a"),
        TestAlerts.agent("agent-7", "<script>alert('x')</script>", "team-a"));
    assertThat(email("ssl", MAIL.getSmtps().getPort(), "supervisor").send(hostile)).isEqualTo(250);

    MimeMessage[] received = MAIL.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage message = received[0];
    assertThat(message.getSubject()).isEqualTo("[CoachStream] Coaching needed: <script>alert('x')</script> is slipping in soft skills");
    assertThat(message.getAllRecipients()[0].toString()).isEqualTo("sam.ray@example.com");
    assertThat(message.getHeader("X-CoachStream-Alert-Id")[0]).isEqualTo("alert-50");
    Multipart parts = (Multipart) message.getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
    String text = (String) parts.getBodyPart(0).getContent();
    assertThat(text).contains("<script>alert('x')</script> (agent-7) is slipping in soft skills")
        .contains("score 58.3 vs baseline 74.0, floor 70.0").contains("empathy: Name the customer's feeling");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
    String html = (String) parts.getBodyPart(1).getContent();
    assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
  }

  @Test
  void fixedRecipientsWhenTheSupervisorHasNoAddress() throws Exception {
    var agent = TestAlerts.agent("agent-7", "Dana Lee", "team-a");
    agent.setSupervisorEmail(null);
    email("ssl", MAIL.getSmtps().getPort(), "supervisor, coaching@example.com")
        .send(new EnrichedAlert(TestAlerts.slip("alert-51", "agent-7", "team-a"), agent));
    assertThat(MAIL.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("coaching@example.com");
  }

  @Test
  void noRecipientIsAPermanentFailure() {
    assertThatThrownBy(() -> email("ssl", MAIL.getSmtps().getPort(), "supervisor")
        .send(new EnrichedAlert(TestAlerts.slip("alert-52", "agent-7", "team-a"), null)))
        .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isFalse());
  }

  @Test
  void wrongPasswordIsAPermanentFailure() {
    Map<String, String> s = new HashMap<>(Map.of("channel.mail.type", "email", "channel.mail.smtp.host", "127.0.0.1",
        "channel.mail.smtp.port", String.valueOf(MAIL.getSmtps().getPort()), "channel.mail.smtp.security", "ssl",
        "channel.mail.smtp.trust", "127.0.0.1", "channel.mail.smtp.username", "notifier",
        "channel.mail.smtp.password-env", "P", "channel.mail.from", "n@example.com"));
    NotificationChannel mail = new ChannelFactory(Settings.of(s), new Secrets(Map.of("P", "wrong"))).create("mail");
    assertThatThrownBy(() -> mail.send(TestAlerts.enriched("alert-53")))
        .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isFalse());
    assertThat(MAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void requiredStarttlsNeverFallsBackToClearText() {
    assertThatThrownBy(() -> email("starttls", MAIL.getSmtp().getPort(), "supervisor").send(TestAlerts.enriched("alert-54")))
        .isInstanceOfSatisfying(DeliveryException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.getMessage()).contains("STARTTLS");
        });
    assertThat(MAIL.getReceivedMessages()).isEmpty();
  }
}
