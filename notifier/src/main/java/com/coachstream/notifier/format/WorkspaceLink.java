package com.coachstream.notifier.format;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The link from an alert message back to the alert in the supervisor workspace, when the workspace's public
 * URL is configured ({@code workspace.public-url}); none otherwise. Signing in is the workspace's business: the
 * link carries no token.
 */
public final class WorkspaceLink {

  public static final WorkspaceLink NONE = new WorkspaceLink("");

  private final String base;

  public WorkspaceLink(String publicUrl) {
    String url = publicUrl == null ? "" : publicUrl.strip();
    if (!url.isEmpty() && !url.matches("https?://[^\\s?#]+")) {
      throw new IllegalArgumentException("workspace.public-url must be an http(s) URL without query, was " + url);
    }
    this.base = url.replaceAll("/+$", "");
  }

  /** The URL of the alert's page, or null when no public URL is configured. */
  public String forAlert(String alertId) {
    return base.isEmpty() ? null : base + "/alerts/" + URLEncoder.encode(alertId, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
