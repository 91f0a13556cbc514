package com.coachstream.producer.simulate;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.Channel;
import com.coachstream.avro.SkillCategory;
import com.coachstream.schemas.skills.SkillTaxonomy;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The simulated roster, drawn from the seed: teams with supervisors and agents with their own levels.
 *
 * <p>Steady agents sit around 84 (78..91) per category with skill offsets of a few points, well above the
 * default floor of 70. A slipping agent's level falls by 20-30 points (to at most 62) at midnight UTC of a
 * day 30-45 % into the history, so the default 7-day window crosses the floor (and the 10-point drop from
 * its 28-day baseline) within ~4 days; half of them recover 22-30 % of the history later, leaving enough
 * days for the window to climb back above floor + hysteresis.
 */
public final class ContactCenter {

  private static final String[] FIRST = {"Ava", "Ben", "Chloe", "Diego", "Emma", "Farid", "Grace", "Hugo", "Ines",
      "Jonas", "Kira", "Liam", "Maya", "Noah", "Olga", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Victor",
      "Wen", "Ximena", "Yusuf", "Zoe"};
  private static final String[] LAST = {"Adams", "Brown", "Costa", "Dubois", "Evans", "Fischer", "Garcia", "Hansen",
      "Ito", "Jensen", "Kowalski", "Lopez", "Meyer", "Nakamura", "Okafor", "Petrov", "Rossi", "Silva", "Tanaka",
      "Novak", "Weber", "Yilmaz"};
  private static final int[] SHIFT_STARTS = {7, 8, 8, 9, 9, 10, 12};
  private static final List<List<Channel>> CHANNEL_MIXES = List.of(
      List.of(Channel.VOICE), List.of(Channel.VOICE, Channel.CHAT), List.of(Channel.CHAT, Channel.EMAIL),
      List.of(Channel.VOICE, Channel.EMAIL, Channel.SMS), List.of(Channel.CHAT, Channel.SOCIAL, Channel.VIDEO));

  private final List<Team> teams;
  private final List<SimulatedAgent> agents;
  private final SimulationConfig config;
  private final List<CoachingPlan.Session> sessions;

  private ContactCenter(List<Team> teams, List<SimulatedAgent> agents, SimulationConfig config) {
    this.teams = List.copyOf(teams);
    this.agents = List.copyOf(agents);
    this.config = config;
    this.sessions = config.coaching() == null ? List.of() : config.coaching().sessions(config, this.agents, this.teams);
  }

  public static ContactCenter generate(SimulationConfig config) {
    SplittableRandom random = new SplittableRandom(config.seed());
    List<Team> teams = new ArrayList<>();
    for (int t = 1; t <= config.teams(); t++) {
      String name = name(random);
      teams.add(new Team(String.format("team-%02d", t), String.format("sup-%02d", t), name,
          name.toLowerCase().replace(' ', '.') + "@example.com"));
    }
    int slipping = (int) Math.round(config.agents() * config.slipFraction());
    if (config.slipFraction() > 0 && slipping == 0) {
      slipping = 1;
    }
    List<SimulatedAgent> agents = new ArrayList<>();
    for (int a = 0; a < config.agents(); a++) {
      // Spread the slipping agents over the roster (every k-th), so every team has some.
      boolean slips = slipping > 0 && (a * slipping) / config.agents() != ((a + 1) * slipping) / config.agents();
      agents.add(agent(a, teams.get(a % teams.size()), slips, config, random));
    }
    return new ContactCenter(teams, agents, config);
  }

  private static SimulatedAgent agent(int index, Team team, boolean slips, SimulationConfig config, SplittableRandom random) {
    double soft = clamp(84 + random.nextGaussian() * 3, 78, 91);
    double hard = clamp(85 + random.nextGaussian() * 3, 78, 91);
    Map<String, Double> offsets = new LinkedHashMap<>();
    for (String skill : SkillTaxonomy.DEFAULT_SOFT_SKILLS) {
      offsets.put(skill, clamp(random.nextGaussian() * 2.5, -5, 5));
    }
    for (String skill : SkillTaxonomy.DEFAULT_HARD_SKILLS) {
      offsets.put(skill, clamp(random.nextGaussian() * 2.5, -5, 5));
    }
    List<Slip> slipPlan = slips ? slipPlan(soft, hard, config, random) : List.of();
    return new SimulatedAgent(index, String.format("agent-%04d", index + 1), name(random), team, soft, hard, offsets,
        22 + random.nextDouble() * 16, CHANNEL_MIXES.get(random.nextInt(CHANNEL_MIXES.size())),
        SHIFT_STARTS[random.nextInt(SHIFT_STARTS.length)], slipPlan);
  }

  private static List<Slip> slipPlan(double soft, double hard, SimulationConfig config, SplittableRandom random) {
    double days = config.days();
    Instant start = config.start().truncatedTo(ChronoUnit.DAYS);
    Instant at = start.plus(Duration.ofDays(Math.round(days * (0.30 + random.nextDouble() * 0.15))));
    Instant recoverAt = random.nextBoolean()
        ? at.plus(Duration.ofDays(Math.max(5, Math.round(days * (0.22 + random.nextDouble() * 0.08))))) : null;
    if (recoverAt != null && !recoverAt.isBefore(config.end())) {
      recoverAt = null;
    }
    double roll = random.nextDouble();
    List<SkillCategory> categories = roll < 0.4 ? List.of(SkillCategory.SOFT)
        : roll < 0.75 ? List.of(SkillCategory.HARD) : List.of(SkillCategory.SOFT, SkillCategory.HARD);
    List<Slip> slips = new ArrayList<>();
    for (SkillCategory category : categories) {
      double before = category == SkillCategory.SOFT ? soft : hard;
      double during = Math.min(62, before - (20 + random.nextDouble() * 10));
      slips.add(new Slip(category, at, recoverAt, before, during));
    }
    return slips;
  }

  private static String name(SplittableRandom random) {
    return FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
  }

  static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }

  public List<Team> teams() {
    return teams;
  }

  public List<SimulatedAgent> agents() {
    return agents;
  }

  /** The coaching sessions the supervisors hold (none without a coaching plan). */
  public List<CoachingPlan.Session> sessions() {
    return sessions;
  }

  /** The agent's true level in a category at a time: its planned level (slips included), the season and coaching. */
  public double level(SimulatedAgent agent, SkillCategory category, Instant time) {
    double level = agent.level(category, time);
    return config.coaching() == null ? level : level + config.coaching().adjustment(config, sessions, agent, category, time);
  }

  /** The agent's true level for a skill: the category level plus the agent's offset on that skill. */
  public double skillLevel(SimulatedAgent agent, String skill, SkillCategory category, Instant time) {
    return level(agent, category, time) + agent.skillOffsets().getOrDefault(skill, 0.0);
  }

  /** The roster records, one per agent, sent before any other event. */
  public List<AgentProfile> roster() {
    return agents.stream().map(a -> AgentProfile.newBuilder()
        .setAgentId(a.agentId())
        .setDisplayName(a.displayName())
        .setTeamId(a.team().teamId())
        .setSupervisorId(a.team().supervisorId())
        .setSupervisorName(a.team().supervisorName())
        .setSupervisorEmail(a.team().supervisorEmail())
        .setActive(true)
        .build()).toList();
  }
}
