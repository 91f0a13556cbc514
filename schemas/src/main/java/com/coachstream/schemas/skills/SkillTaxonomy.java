package com.coachstream.schemas.skills;

import com.coachstream.avro.SkillCategory;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The skills CoachStream scores, each with its category, and the aliases that map scorecard criterion
 * names to skill ids. Names are matched after normalising case, spaces and hyphens, so the criterion
 * "Active Listening" is the skill {@code active_listening}.
 */
public final class SkillTaxonomy {

  public static final List<String> DEFAULT_SOFT_SKILLS = List.of(
      "empathy", "active_listening", "communication", "patience", "adaptability", "problem_solving",
      "conflict_resolution", "ownership", "rapport");
  public static final List<String> DEFAULT_HARD_SKILLS = List.of(
      "product_knowledge", "system_proficiency", "data_accuracy", "compliance", "process_adherence",
      "language_proficiency");

  /** The skill an auto-fail evaluation scores 0 (docs/concepts.md). */
  public static final String COMPLIANCE = "compliance";

  private static final SkillTaxonomy DEFAULT = builder().build();

  private final Map<String, SkillCategory> categories;
  private final Map<String, String> aliases;
  /** Each skill id to the one instance this taxonomy hands out, whatever string it was given. */
  private final Map<String, String> ids;

  private SkillTaxonomy(Map<String, SkillCategory> categories, Map<String, String> aliases) {
    this.categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories));
    Map<String, String> ids = new HashMap<>();
    // interned: the streams processor's state codecs intern the ids they read back, so both give the same instance
    this.categories.keySet().forEach(id -> ids.put(id, id.intern()));
    this.ids = Map.copyOf(ids);
    Map<String, String> canonicalAliases = new HashMap<>();
    aliases.forEach((alias, id) -> canonicalAliases.put(alias, this.ids.getOrDefault(id, id)));
    this.aliases = Map.copyOf(canonicalAliases);
  }

  public static SkillTaxonomy defaults() {
    return DEFAULT;
  }

  /** A builder holding the default taxonomy, to which configuration adds skills and aliases. */
  public static Builder builder() {
    return new Builder();
  }

  /** The skill id a criterion or signal name stands for, if it is a skill or an alias of one. */
  public Optional<String> resolve(String name) {
    if (name == null) {
      return Optional.empty();
    }
    // the taxonomy's own instance of the id: the scorer's state codecs then match skills by identity first
    String id = ids.get(name);
    if (id != null) { // already a skill id, so already normalised: the usual case, without copies
      return Optional.of(id);
    }
    String normalised = normalise(name);
    id = ids.get(normalised);
    if (id != null) {
      return Optional.of(id);
    }
    return Optional.ofNullable(aliases.get(normalised));
  }

  /** Category of a resolved skill id. */
  public SkillCategory category(String skillId) {
    SkillCategory category = categories.get(skillId);
    if (category == null) {
      throw new IllegalArgumentException("Unknown skill: " + skillId);
    }
    return category;
  }

  /** Every skill id with its category, in a stable order (soft first, then hard, then added ones). */
  public Map<String, SkillCategory> skills() {
    return categories;
  }

  public List<String> skillsOf(SkillCategory category) {
    return categories.entrySet().stream().filter(e -> e.getValue() == category).map(Map.Entry::getKey).toList();
  }

  static String normalise(String name) {
    return name.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
  }

  public static final class Builder {
    private final Map<String, SkillCategory> categories = new LinkedHashMap<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();

    private Builder() {
      DEFAULT_SOFT_SKILLS.forEach(s -> categories.put(s, SkillCategory.SOFT));
      DEFAULT_HARD_SKILLS.forEach(s -> categories.put(s, SkillCategory.HARD));
    }

    public Builder skill(String id, SkillCategory category) {
      String normalised = normalise(id);
      if (!normalised.matches("[a-z0-9_]{1,64}")) {
        throw new IllegalArgumentException("Skill id '" + id + "' must be 1-64 of [a-z0-9_]");
      }
      categories.put(normalised, category);
      return this;
    }

    public Builder alias(String alias, String skillId) {
      String target = normalise(skillId);
      if (!categories.containsKey(target)) {
        throw new IllegalArgumentException("Alias '" + alias + "' points to unknown skill '" + skillId + "'");
      }
      aliases.put(normalise(alias), target);
      return this;
    }

    public SkillTaxonomy build() {
      return new SkillTaxonomy(categories, aliases);
    }
  }
}
