package com.coachstream.notifier.channel;

import com.coachstream.common.config.ConfigException;
import com.coachstream.common.config.Settings;
import com.coachstream.notifier.format.SlackMessage;
import com.coachstream.notifier.format.TeamsCard;
import com.coachstream.notifier.format.WebhookPayload;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the named channels from {@code channel.<name>.*} settings. A route called {@code log} needs no
 * settings: it is the log channel unless configured otherwise. Wrong or missing settings fail here, at
 * start-up, with the key in the message.
 */
public final class ChannelFactory {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Settings settings;
  private final Secrets secrets;

  public ChannelFactory(Settings settings, Secrets secrets) {
    this.settings = settings;
    this.secrets = secrets;
  }

  /** One channel per route name, in the order given. */
  public Map<String, NotificationChannel> create(Set<String> routeNames) {
    Map<String, NotificationChannel> channels = new LinkedHashMap<>();
    for (String name : routeNames) {
      channels.put(name, create(name));
    }
    return channels;
  }

  public NotificationChannel create(String name) {
    String prefix = "channel." + name;
    String type = settings.string(prefix + ".type", name.equals("log") ? "log" : null);
    if (type == null) {
      throw new ConfigException("Route " + name + " has no channel: set " + prefix + ".type (log, webhook, slack, teams, email)");
    }
    Duration timeout = settings.duration(prefix + ".timeout", DEFAULT_TIMEOUT);
    Map<String, String> raw = settings.asMap();
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "log" -> new LogChannel(settings.string(prefix + ".output", "logger").equals("stdout") ? System.out : null);
      case "webhook" -> {
        String secret = secrets.find(raw, prefix, "secret");
        yield new HttpPostChannel("webhook", url(prefix), timeout, WebhookPayload::toBytes,
            secret == null ? null : secret.getBytes(StandardCharsets.UTF_8));
      }
      case "slack" -> new HttpPostChannel("slack", url(prefix), timeout, a -> json(SlackMessage.toJson(a)), null);
      case "teams" -> new HttpPostChannel("teams", url(prefix), timeout, a -> json(TeamsCard.toJson(a)), null);
      case "email" -> email(prefix, timeout, raw);
      default -> throw new ConfigException("Invalid value '" + type + "' for " + prefix
          + ".type: expected log, webhook, slack, teams or email");
    };
  }

  private EmailChannel email(String prefix, Duration timeout, Map<String, String> raw) {
    EmailChannel.Security security;
    try {
      security = EmailChannel.Security.valueOf(settings.string(prefix + ".smtp.security", "starttls").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("Invalid value for " + prefix + ".smtp.security: expected starttls, ssl or none");
    }
    int defaultPort = switch (security) {
      case STARTTLS -> 587;
      case SSL -> 465;
      case NONE -> 25;
    };
    var smtp = new EmailChannel.SmtpConfig(
        settings.string(prefix + ".smtp.host"),
        settings.intValue(prefix + ".smtp.port", defaultPort),
        security,
        settings.find(prefix + ".smtp.username").orElse(null),
        secrets.find(raw, prefix + ".smtp", "password"),
        settings.find(prefix + ".smtp.trust").orElse(null),
        timeout);
    var to = Arrays.stream(settings.string(prefix + ".to", EmailChannel.SUPERVISOR).split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
    try {
      return new EmailChannel(smtp, settings.string(prefix + ".from"), to);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("Invalid value for " + prefix + ".from: " + e.getMessage());
    }
  }

  private URI url(String prefix) {
    String key = prefix + ".url";
    // The URL can itself be a secret (Slack and Teams put the token in the path): allow url-env / url-file.
    String value = secrets.find(settings.asMap(), prefix, "url");
    if (value == null) {
      value = settings.string(key);
    }
    try {
      URI uri = URI.create(value.trim());
      if (!Set.of("http", "https").contains(String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT)) || uri.getHost() == null) {
        throw new IllegalArgumentException();
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new ConfigException("Invalid value for " + key + ": expected an http(s) URL");
    }
  }

  private static byte[] json(Object node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Cannot write JSON", e);
    }
  }

  /** Every channel name mentioned by a {@code channel.<name>.*} setting. */
  public Set<String> configuredNames() {
    Set<String> names = new TreeSet<>();
    settings.withPrefix("channel").keySet().forEach(k -> names.add(k.substring(0, Math.max(0, k.indexOf('.')))));
    names.remove("");
    return names;
  }
}
