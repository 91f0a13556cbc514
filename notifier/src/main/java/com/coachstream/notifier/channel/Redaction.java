package com.coachstream.notifier.channel;

import java.net.URI;

/**
 * Webhook URLs carry their secret in the path (Slack, Teams), so only scheme and host (and port) are ever
 * logged or stored.
 */
public final class Redaction {

  private Redaction() { }

  public static String target(URI uri) {
    if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
      return "<redacted>";
    }
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
  }
}
