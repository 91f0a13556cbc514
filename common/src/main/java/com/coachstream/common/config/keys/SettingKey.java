package com.coachstream.common.config.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One CoachStream setting: its name, default, meaning, the services that read it, and whether its value is
 * a secret (never printed). A name may hold placeholders in angle brackets: {@code channel.<name>.type}
 * stands for any channel name, {@code slip.<soft|hard>.floor} for one of the listed words; a placeholder at
 * the end may span dots ({@code tips.<skill>}).
 *
 * @param defaultValue the default as written in a settings file; empty when there is none
 * @param owners the services that read it; empty for a setting every service reads
 */
public record SettingKey(String name, String defaultValue, String meaning, Set<Service> owners, boolean secret) {

  public SettingKey {
    owners = Set.copyOf(owners);
  }

  public boolean shared() {
    return owners.isEmpty();
  }

  public boolean isPattern() {
    return name.contains("<");
  }

  public boolean matches(String key) {
    return isPattern() ? regex().matcher(key).matches() : name.equals(key);
  }

  /**
   * This name written as close as it can be to {@code key}: each placeholder takes the word of {@code key}
   * at its place, so a misspelt {@code channel.mail.smtp.hots} is compared with {@code channel.mail.smtp.host}.
   */
  public String closestInstance(String key) {
    if (!isPattern()) {
      return name;
    }
    String[] words = key.split("\\.", -1);
    List<String> parts = segments();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      boolean last = i == parts.size() - 1;
      if (!isPlaceholder(part)) {
        out.add(part);
      } else if (i >= words.length) {
        out.add(alternatives(part).isEmpty() ? part : alternatives(part).get(0));
      } else {
        String word = last ? String.join(".", List.of(words).subList(i, words.length)) : words[i];
        List<String> choices = alternatives(part);
        out.add(choices.isEmpty() || choices.contains(word) ? word : choices.get(0));
      }
    }
    return String.join(".", out);
  }

  private Pattern regex() {
    List<String> parts = segments();
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      if (i > 0) {
        regex.append("\\.");
      }
      if (!isPlaceholder(part)) {
        regex.append(Pattern.quote(part));
      } else if (!alternatives(part).isEmpty()) {
        regex.append('(').append(String.join("|", alternatives(part).stream().map(Pattern::quote).toList())).append(')');
      } else {
        regex.append(i == parts.size() - 1 ? ".+" : "[^.]+");
      }
    }
    return Pattern.compile(regex.toString());
  }

  private List<String> segments() {
    return List.of(name.split("\\."));
  }

  private static boolean isPlaceholder(String part) {
    return part.startsWith("<") && part.endsWith(">");
  }

  /** {@code <soft|hard>} lists its words; {@code <name>} stands for any word (empty list). */
  private static List<String> alternatives(String placeholder) {
    String inner = placeholder.substring(1, placeholder.length() - 1);
    return inner.contains("|") ? List.of(inner.split("\\|")) : List.of();
  }
}
