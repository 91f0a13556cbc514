package com.coachstream.workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rules form's text: one {@code key=value} per line, blank lines and {@code #} comments ignored. */
final class RuleForm {

  /** The settings, or the lines that are not {@code key=value}. */
  record Parsed(Map<String, String> settings, List<String> problems) { }

  private RuleForm() { }

  static Parsed parse(String text) {
    Map<String, String> settings = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    String[] lines = text == null ? new String[0] : text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0 || eq == line.length() - 1) {
        problems.add("Line " + (i + 1) + " is not key=value: " + line);
      } else if (settings.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim()) != null) {
        problems.add("Line " + (i + 1) + " sets " + line.substring(0, eq).trim() + " a second time");
      }
    }
    return new Parsed(settings, problems);
  }

  /** The settings as the form shows them. */
  static String text(Map<String, String> settings) {
    StringBuilder text = new StringBuilder();
    new java.util.TreeMap<>(settings).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    return text.toString();
  }
}
