package com.coachstream.producer.simulate;

import com.coachstream.avro.Channel;
import com.coachstream.avro.Criterion;
import com.coachstream.avro.EvaluationPurpose;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.avro.SkillCategory;
import com.coachstream.schemas.skills.SkillTaxonomy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws single events for an agent at a time: interactions with automated QA signals on a few skills, and
 * scorecard evaluations by reviewers who each have a personal bias, with their corrections and retractions.
 */
final class EventFactory {

  /** A reviewer, with how many points they tend to give above or below the truth. */
  record Evaluator(String evaluatorId, double bias) { }

  /** A QA form: criterion names as reviewers see them (resolved to skills by the taxonomy), weights, max. */
  record Scorecard(String scorecardId, double maxScore, List<String> criteria, List<Double> weights) { }

  static final List<Scorecard> SCORECARDS = List.of(
      new Scorecard("sc-voice-v3", 10,
          List.of("Empathy", "Active Listening", "Communication", "Compliance", "Product Knowledge", "Process Adherence"),
          List.of(2.0, 1.0, 1.0, 2.0, 1.5, 1.0)),
      new Scorecard("sc-digital-v2", 5,
          List.of("Communication", "Problem Solving", "Ownership", "Data Accuracy", "System Proficiency", "Language Proficiency"),
          List.of(1.0, 1.5, 1.0, 1.5, 1.0, 1.0)));

  private static final double SIGNAL_NOISE = 6;
  private static final double REVIEW_NOISE = 5;

  private final SplittableRandom random;
  private final SkillTaxonomy taxonomy = SkillTaxonomy.defaults();
  private final List<Evaluator> evaluators = new ArrayList<>();
  private final long seed;
  /** Knows each agent's true level: planned level, season and coaching. */
  private final ContactCenter center;

  EventFactory(long seed, SplittableRandom random, ContactCenter center) {
    this.seed = seed;
    this.center = center;
    this.random = random;
    for (int e = 1; e <= 6; e++) {
      evaluators.add(new Evaluator(String.format("qa-reviewer-%02d", e), random.nextGaussian() * 3));
    }
  }

  List<Evaluator> evaluators() {
    return evaluators;
  }

  InteractionEvent interaction(SimulatedAgent agent, Instant endedAt, long sequence) {
    Channel channel = agent.channels().get(random.nextInt(agent.channels().size()));
    double soft = center.level(agent, SkillCategory.SOFT, endedAt);
    double hard = center.level(agent, SkillCategory.HARD, endedAt);
    Map<String, Double> signals = new HashMap<>();
    pickSkills(SkillTaxonomy.DEFAULT_SOFT_SKILLS, 2).forEach(s -> signals.put(s, observe(agent, s, SkillCategory.SOFT, endedAt, SIGNAL_NOISE)));
    pickSkills(SkillTaxonomy.DEFAULT_HARD_SKILLS, 1 + random.nextInt(2)).forEach(s -> signals.put(s, observe(agent, s, SkillCategory.HARD, endedAt, SIGNAL_NOISE)));
    boolean surveyed = random.nextDouble() < 0.25;
    return InteractionEvent.newBuilder()
        .setInteractionId(String.format("int-%d-%04d-%06d", seed, agent.index() + 1, sequence))
        .setAgentId(agent.agentId())
        .setTeamId(agent.team().teamId())
        .setChannel(channel)
        .setStartedAt(endedAt.minus(handleTime(channel)))
        .setEndedAt(endedAt)
        .setHoldSeconds(channel == Channel.VOICE && random.nextDouble() < 0.3 ? 10 + random.nextInt(170) : 0)
        .setTransfers(random.nextDouble() < 0.08 ? 1 : 0)
        .setResolved(random.nextDouble() < 0.45 + hard / 250)
        .setCsat(surveyed ? (int) Math.round(ContactCenter.clamp(1 + 4 * soft / 100 + random.nextGaussian() * 0.8, 1, 5)) : null)
        .setSentiment(round2(ContactCenter.clamp((soft - 70) / 40 + random.nextGaussian() * 0.3, -1, 1)))
        .setSkillSignals(signals)
        .setCustomerRef(String.format("cust-%08x", random.nextInt() & 0x7fffffff))
        .setSource(channel == Channel.VOICE ? "speech-analytics" : "ccaas-text-analytics")
        .build();
  }

  QaEvaluation evaluation(SimulatedAgent agent, InteractionEvent interaction, Instant evaluatedAt,
      Evaluator evaluator, EvaluationPurpose purpose, String evaluationId) {
    Scorecard card = interaction.getChannel() == Channel.VOICE ? SCORECARDS.get(0) : SCORECARDS.get(1);
    List<Criterion> criteria = new ArrayList<>();
    for (int c = 0; c < card.criteria().size(); c++) {
      String skill = taxonomy.resolve(card.criteria().get(c)).orElseThrow();
      SkillCategory category = taxonomy.category(skill);
      double truth = center.skillLevel(agent, skill, category, interaction.getEndedAt()) + evaluator.bias();
      double percent = ContactCenter.clamp(truth + random.nextGaussian() * REVIEW_NOISE, 0, 100);
      criteria.add(Criterion.newBuilder()
          .setSkill(card.criteria().get(c))
          .setScore(Math.round(percent / 100 * card.maxScore() * 2) / 2.0)
          .setMaxScore(card.maxScore())
          .setWeight(card.weights().get(c))
          .setComment(percent < 60 ? "needs coaching" : null)
          .build());
    }
    return QaEvaluation.newBuilder()
        .setEvaluationId(evaluationId)
        .setInteractionId(interaction.getInteractionId())
        .setAgentId(agent.agentId())
        .setEvaluatorId(evaluator.evaluatorId())
        .setScorecardId(card.scorecardId())
        .setEvaluatedAt(evaluatedAt)
        .setCriteria(criteria)
        .setAutoFail(false)
        .setPurpose(purpose)
        .setRetracted(false)
        .setComments(purpose == EvaluationPurpose.CALIBRATION ? "calibration session" : null)
        .build();
  }

  /** The same evaluation re-scored by its reviewer: one criterion moves by a point or two. */
  QaEvaluation corrected(QaEvaluation original, Instant at) {
    List<Criterion> criteria = new ArrayList<>();
    original.getCriteria().forEach(c -> criteria.add(Criterion.newBuilder(c).build()));
    int which = random.nextInt(criteria.size());
    Criterion changed = criteria.get(which);
    double step = changed.getMaxScore() >= 10 ? 2 : 1;
    double score = changed.getScore() + step <= changed.getMaxScore() ? changed.getScore() + step : changed.getScore() - step;
    criteria.set(which, Criterion.newBuilder(changed).setScore(score).setComment("score corrected after review").build());
    return QaEvaluation.newBuilder(original).setCriteria(criteria).setEvaluatedAt(at)
        .setComments("corrected").build();
  }

  /** The same evaluation withdrawn: the agent's dispute was upheld. */
  QaEvaluation retracted(QaEvaluation original, Instant at) {
    return QaEvaluation.newBuilder(original).setRetracted(true).setEvaluatedAt(at)
        .setComments("dispute upheld").build();
  }

  private double observe(SimulatedAgent agent, String skill, SkillCategory category, Instant time, double noise) {
    return round2(ContactCenter.clamp(center.skillLevel(agent, skill, category, time) + random.nextGaussian() * noise, 0, 100));
  }

  private List<String> pickSkills(List<String> skills, int count) {
    List<String> picked = new ArrayList<>(count);
    while (picked.size() < count) {
      String skill = skills.get(random.nextInt(skills.size()));
      if (!picked.contains(skill)) {
        picked.add(skill);
      }
    }
    return picked;
  }

  private Duration handleTime(Channel channel) {
    int minutes = switch (channel) {
      case VOICE, VIDEO -> 3 + random.nextInt(10);
      case CHAT, SOCIAL, SMS -> 5 + random.nextInt(15);
      case EMAIL -> 2 + random.nextInt(8);
    };
    return Duration.ofMinutes(minutes).plusSeconds(random.nextInt(60));
  }

  private static double round2(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
