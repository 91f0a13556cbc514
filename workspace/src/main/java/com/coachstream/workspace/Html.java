package com.coachstream.workspace;

import org.apache.commons.text.StringEscapeUtils;

/**
 * Escapes text for HTML element content and double-quoted attribute values (every attribute the pages write
 * is double-quoted): nothing from data becomes markup.
 */
final class Html {

  private Html() { }

  static String esc(Object value) {
    return value == null ? "" : StringEscapeUtils.escapeHtml4(value.toString());
  }

  /** A path segment, percent-encoded. */
  static String seg(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }
}
