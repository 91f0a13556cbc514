package com.coachstream.benchmarks.micro;

import com.coachstream.avro.SkillCategory;
import com.coachstream.schemas.skills.SkillTaxonomy;
import com.coachstream.streams.scoring.InteractionKpi;
import com.coachstream.streams.scoring.Observation;
import com.coachstream.streams.scoring.ScorableEvent;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An endless, deterministic stream of one agent's scorable events in event-time order, shaped like the
 * simulator's: about 30 interactions per working day in an 8-hour shift, each with two soft and one hard skill
 * signal and KPIs, and every 25th interaction QA-evaluated on a six-criterion scorecard.
 */
final class AgentEvents {

  private static final List<String> SOFT = SkillTaxonomy.DEFAULT_SOFT_SKILLS;
  private static final List<String> HARD = SkillTaxonomy.DEFAULT_HARD_SKILLS;
  private static final long SHIFT_START = Duration.ofHours(9).toMillis();
  private static final long SPACING = Duration.ofMinutes(16).toMillis();
  private static final int PER_DAY = 30;

  private final String agentId;
  private final SplittableRandom random;
  private long day;
  private int inDay;
  private long sequence;
  private ScorableEvent pendingEvaluation;

  AgentEvents(String agentId, Instant start, long seed) {
    this.agentId = agentId;
    this.random = new SplittableRandom(seed);
    this.day = Math.floorDiv(start.toEpochMilli(), Duration.ofDays(1).toMillis()) * Duration.ofDays(1).toMillis();
  }

  ScorableEvent next() {
    if (pendingEvaluation != null) {
      ScorableEvent evaluation = pendingEvaluation;
      pendingEvaluation = null;
      return evaluation;
    }
    if (inDay == PER_DAY) {
      inDay = 0;
      do {
        day += Duration.ofDays(1).toMillis();
      } while (isWeekend(day));
    }
    long time = day + SHIFT_START + inDay++ * SPACING + random.nextInt(60_000);
    String id = agentId + "-i" + ++sequence;
    List<Observation> observations = new ArrayList<>(3);
    observations.add(observation(SOFT.get(random.nextInt(SOFT.size())), SkillCategory.SOFT, 1.0, time, id));
    String second = SOFT.get(random.nextInt(SOFT.size()));
    if (!second.equals(observations.get(0).skill())) {
      observations.add(observation(second, SkillCategory.SOFT, 1.0, time, id));
    }
    observations.add(observation(HARD.get(random.nextInt(HARD.size())), SkillCategory.HARD, 1.0, time, id));
    InteractionKpi kpi = new InteractionKpi(random.nextInt(4) == 0 ? 1 + random.nextInt(5) : null, random.nextBoolean(),
        120 + random.nextInt(900), Math.round((random.nextDouble() * 2 - 1) * 100) / 100.0);
    if (sequence % 25 == 0) {
      pendingEvaluation = evaluation(time + 1_000);
    }
    return new ScorableEvent.Interaction(id, agentId, "team-01", time, List.copyOf(observations), kpi);
  }

  private ScorableEvent evaluation(long time) {
    String id = agentId + "-e" + sequence;
    List<Observation> observations = new ArrayList<>(6);
    for (String skill : List.of("empathy", "active_listening", "communication", "compliance", "product_knowledge",
        "process_adherence")) {
      SkillCategory category = HARD.contains(skill) ? SkillCategory.HARD : SkillCategory.SOFT;
      observations.add(observation(skill, category, 1 + random.nextInt(2), time, id));
    }
    return new ScorableEvent.Evaluation(id, agentId, time, random.nextLong(), false, List.copyOf(observations));
  }

  private Observation observation(String skill, SkillCategory category, double weight, long time, String id) {
    double score = Math.max(0, Math.min(100, Math.round((84 + random.nextGaussian() * 6) * 100) / 100.0));
    return new Observation(skill, category, score, weight, time, id);
  }

  private static boolean isWeekend(long day) {
    DayOfWeek weekday = Instant.ofEpochMilli(day).atZone(ZoneOffset.UTC).getDayOfWeek();
    return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
  }
}
