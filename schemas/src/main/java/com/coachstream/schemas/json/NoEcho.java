package com.coachstream.schemas.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Messages about bad input that do not repeat the input. Jackson's JSON and CSV parsers quote what they choke
 * on ({@code Unrecognized token 'CR7731ab'}, {@code Too many entries ... (value #7 (8 chars) "CR7731ab")}), and
 * in a malformed CSV row a cell's text may have slid into another column; an unquoted or shifted value may be a
 * customer reference, which must never reach any output (docs/concepts.md). The parser's own words stay, quoted input
 * becomes {@code '…'}, and a position says where to look.
 */
public final class NoEcho {

  private static final Pattern QUOTED = Pattern.compile("'([^']*)'|\"([^\"]*)\"");
  /** Quoted words that are the parser's vocabulary, not the input. */
  private static final Set<String> PARSER_WORDS = Set.of("null", "true", "false", "NaN", "Infinity", "+Infinity",
      "-Infinity", "+INF", "-INF");

  private NoEcho() { }

  /** The parser's first line of explanation, without quoted input, and where it stopped. */
  public static String describe(Exception e) {
    if (e instanceof JsonProcessingException parse) {
      return redact(firstLine(parse.getOriginalMessage())) + position(parse.getLocation());
    }
    return redact(firstLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
  }

  /** Any quoted span longer than one character that is not a parser keyword becomes {@code '…'}. */
  public static String redact(String message) {
    Matcher quoted = QUOTED.matcher(message);
    StringBuilder result = new StringBuilder();
    while (quoted.find()) {
      String inner = quoted.group(1) != null ? quoted.group(1) : quoted.group(2);
      // A single character ("Unexpected character ('x' (code 120))") says what is wrong and cannot identify anyone.
      String kept = inner.length() <= 1 || PARSER_WORDS.contains(inner) ? quoted.group() : "'…'";
      quoted.appendReplacement(result, Matcher.quoteReplacement(kept));
    }
    quoted.appendTail(result);
    return result.toString();
  }

  private static String position(JsonLocation location) {
    if (location == null || location.getColumnNr() < 1) {
      return "";
    }
    return location.getLineNr() > 1
        ? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"
        : " (column " + location.getColumnNr() + ")";
  }

  private static String firstLine(String message) {
    return message == null ? "unreadable input" : message.lines().findFirst().orElse("unreadable input");
  }
}
