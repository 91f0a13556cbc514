package com.coachstream.notifier.channel;

import com.coachstream.notifier.EnrichedAlert;
import com.coachstream.notifier.format.EmailContent;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * E-mail over SMTP (Angus/Jakarta Mail) with authentication and, by default, STARTTLS that is required:
 * the message is never sent in clear to a server that does not offer it. Text and HTML alternatives.
 * Recipients: the configured addresses, where the word {@code supervisor} stands for the agent's supervisor.
 */
public final class EmailChannel implements NotificationChannel {

  /** How the connection is protected: STARTTLS (required), implicit TLS (smtps), or none (local relays only). */
  public enum Security { STARTTLS, SSL, NONE }

  public static final String SUPERVISOR = "supervisor";

  /** Connection settings; {@code password} may be null for a relay without authentication. */
  public record SmtpConfig(String host, int port, Security security, String username, String password,
      String trustHosts, Duration timeout) { }

  private final SmtpConfig smtp;
  private final InternetAddress from;
  private final List<String> to;
  private final Session session;

  public EmailChannel(SmtpConfig smtp, String from, List<String> to) {
    this.smtp = smtp;
    this.to = List.copyOf(to);
    try {
      this.from = new InternetAddress(from, true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("Invalid from address for the e-mail channel");
    }
    this.session = Session.getInstance(properties(smtp));
  }

  static Properties properties(SmtpConfig smtp) {
    String protocol = smtp.security() == Security.SSL ? "smtps" : "smtp";
    String p = "mail." + protocol + ".";
    Properties props = new Properties();
    props.put("mail.transport.protocol", protocol);
    props.put(p + "host", smtp.host());
    props.put(p + "port", String.valueOf(smtp.port()));
    props.put(p + "auth", String.valueOf(smtp.username() != null));
    String millis = String.valueOf(smtp.timeout().toMillis());
    props.put(p + "connectiontimeout", millis);
    props.put(p + "timeout", millis);
    props.put(p + "writetimeout", millis);
    if (smtp.security() == Security.STARTTLS) {
      props.put(p + "starttls.enable", "true");
      props.put(p + "starttls.required", "true");
    }
    if (smtp.security() != Security.NONE) {
      if (smtp.trustHosts() == null) {
        props.put(p + "ssl.checkserveridentity", "true");
      } else {
        // Hosts trusted as they are (a relay with a self-signed certificate): no CA or name check for them.
        props.put(p + "ssl.trust", smtp.trustHosts());
        props.put(p + "ssl.checkserveridentity", "false");
      }
    }
    return props;
  }

  @Override
  public String type() {
    return "email";
  }

  @Override
  public String redactedTarget() {
    return (smtp.security() == Security.SSL ? "smtps://" : "smtp://") + smtp.host() + ":" + smtp.port();
  }

  @Override
  public Integer send(EnrichedAlert alert) {
    List<InternetAddress> recipients = recipients(alert);
    EmailContent content = EmailContent.of(alert);
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(from);
      message.setRecipients(Message.RecipientType.TO, recipients.toArray(InternetAddress[]::new));
      message.setSubject(content.subject(), StandardCharsets.UTF_8.name());
      message.setHeader("X-CoachStream-Alert-Id", alert.alertId());
      MimeBodyPart text = new MimeBodyPart();
      text.setText(content.text(), StandardCharsets.UTF_8.name(), "plain");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(content.html(), StandardCharsets.UTF_8.name(), "html");
      message.setContent(new MimeMultipart("alternative", text, html));
      message.saveChanges();
      try (Transport transport = session.getTransport(smtp.security() == Security.SSL ? "smtps" : "smtp")) {
        transport.connect(smtp.username(), smtp.password());
        transport.sendMessage(message, message.getAllRecipients());
      }
      return 250;
    } catch (AuthenticationFailedException e) {
      throw DeliveryException.permanent("SMTP authentication failed", 535);
    } catch (SMTPSendFailedException e) {
      // 4xx replies are transient by definition (RFC 5321 §4.2.1); 5xx are not.
      int code = e.getReturnCode();
      throw new DeliveryException("SMTP reply " + code, code, code >= 400 && code < 500, null);
    } catch (SendFailedException e) {
      throw DeliveryException.permanent("SMTP refused the recipients", null);
    } catch (MessagingException e) {
      String kind = e.getMessage() != null && e.getMessage().contains("STARTTLS")
          ? "server does not offer STARTTLS" : e.getClass().getSimpleName();
      throw new DeliveryException("SMTP error: " + kind, null, !kind.contains("STARTTLS"), null);
    }
  }

  private List<InternetAddress> recipients(EnrichedAlert alert) {
    List<InternetAddress> addresses = new ArrayList<>();
    for (String entry : to) {
      String address = entry.equalsIgnoreCase(SUPERVISOR) ? alert.supervisorEmail() : entry;
      if (address == null || address.isBlank()) {
        continue;
      }
      try {
        addresses.add(new InternetAddress(address, true));
      } catch (AddressException e) {
        throw DeliveryException.permanent("invalid recipient address", null);
      }
    }
    if (addresses.isEmpty()) {
      throw DeliveryException.permanent("no recipient: the agent has no supervisor e-mail and no fixed address is set", null);
    }
    return addresses;
  }
}
