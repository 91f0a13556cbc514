package com.coachstream.streams.alerts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Short coaching tips per skill, shown with an alert's focus skills. The defaults cover every skill of the
 * default taxonomy; configuration ({@code tips.<skill>=...}) replaces or adds tips, and a skill without a
 * tip gets a general one rather than none.
 */
public final class TipLibrary {

  static final Map<String, String> DEFAULT_TIPS = Map.ofEntries(
      Map.entry("empathy", "Name the customer's feeling before fixing the problem (\"I can hear how frustrating this has been\") and mean it."),
      Map.entry("active_listening", "Summarise the customer's issue back before solving it, and never ask for the same information twice."),
      Map.entry("communication", "Use short, plain sentences without jargon, and confirm the customer understood the next step."),
      Map.entry("patience", "Let the customer finish before answering; slow down and repeat calmly when they are confused."),
      Map.entry("adaptability", "Match the customer's pace and channel; when the usual path fails, offer a second option instead of repeating the first."),
      Map.entry("problem_solving", "Find the root cause with two or three targeted questions before proposing a fix, then check it worked."),
      Map.entry("conflict_resolution", "Acknowledge the complaint without arguing, state what you can do, and agree the next step with the customer."),
      Map.entry("ownership", "Own the case to the end: promise a concrete follow-up time and keep it, rather than passing the customer on."),
      Map.entry("rapport", "Use the customer's name, keep a warm tone and close with a personal check that everything is settled."),
      Map.entry("product_knowledge", "Review the knowledge-base articles behind this week's low-scored contacts and practise explaining them in one sentence."),
      Map.entry("system_proficiency", "Practise the tool flows from the low-scored contacts in the training environment to cut holds and dead air."),
      Map.entry("data_accuracy", "Read back key details (names, numbers, dates) and double-check the record before closing the case."),
      Map.entry("compliance", "Follow the mandatory script steps word for word: identity verification, disclosures and consent, every time."),
      Map.entry("process_adherence", "Walk through the process checklist for the case type and do not skip steps, even under time pressure."),
      Map.entry("language_proficiency", "Keep grammar and spelling clean: reread written replies before sending and use the approved phrase bank."));

  static final String GENERAL_TIP =
      "Review the lowest-scored contacts for this skill with your supervisor and agree one concrete change to practise.";

  private final Map<String, String> tips;

  private TipLibrary(Map<String, String> tips) {
    this.tips = Map.copyOf(tips);
  }

  public static TipLibrary defaults() {
    return new TipLibrary(DEFAULT_TIPS);
  }

  /** The defaults with the given tips (skill id -> tip) replacing or adding to them. */
  public static TipLibrary withOverrides(Map<String, String> overrides) {
    Map<String, String> merged = new LinkedHashMap<>(DEFAULT_TIPS);
    overrides.forEach((skill, tip) -> {
      if (tip != null && !tip.isBlank()) {
        merged.put(skill, tip.trim());
      }
    });
    return new TipLibrary(merged);
  }

  public String tip(String skill) {
    return tips.getOrDefault(skill, GENERAL_TIP);
  }

  public boolean hasOwnTip(String skill) {
    return tips.containsKey(skill);
  }
}
