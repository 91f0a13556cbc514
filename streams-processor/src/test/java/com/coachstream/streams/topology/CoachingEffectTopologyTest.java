package com.coachstream.streams.topology;

import static com.coachstream.streams.TestEvents.T0;
import static com.coachstream.streams.TestEvents.evaluation;
import static com.coachstream.streams.TestEvents.interaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.coachstream.avro.ActionType;
import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.CoachingEffect;
import com.coachstream.avro.EffectStatus;
import com.coachstream.avro.SkillCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The coaching effect through the production topology: a team whose agents all drift +5 from day 20, one
 * agent coached on day 20 lifted +8 more. Defaults: effect.window 14 d, window.grace 48 h, min-samples 5.
 */
class CoachingEffectTopologyTest {

  private static final Instant SESSION_AT = day(20).plus(Duration.ofHours(9));
  private static final List<String> AGENTS = List.of("coached", "a", "b", "alsoCoached");

  private final TopologyFixture fixture = new TopologyFixture();
  private final TestInputTopic<String, CoachingAction> actions = fixture.driver.createInputTopic(
      fixture.topics.actions().name(), fixture.topics.actions().keySerde().serializer(),
      fixture.topics.actions().valueSerde().serializer());
  private final TestOutputTopic<String, CoachingEffect> effects = effectsOf(fixture);

  private static TestOutputTopic<String, CoachingEffect> effectsOf(TopologyFixture run) {
    return run.driver.createOutputTopic(run.topics.effects().name(), run.topics.effects().keySerde().deserializer(),
        run.topics.effects().valueSerde().deserializer());
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private static Instant day(int d) {
    return T0.plus(Duration.ofDays(d));
  }

  /** One interaction a day at 10:00 on each of the days, scoring empathy by {@link #score}, published daily. */
  private void play(int fromDay, int toDay) {
    play(fixture, fromDay, toDay, true, AGENTS);
  }

  /**
   * As {@link #play(int, int)} into {@code run}, each day's events in the order of {@code agents}; without
   * {@code publishDaily} the changes wait for the next publication (which takes the agents in that order too).
   */
  private static void play(TopologyFixture run, int fromDay, int toDay, boolean publishDaily, List<String> agents) {
    for (int d = fromDay; d <= toDay; d++) {
      for (String agent : agents) {
        run.interactions.pipeInput(agent, interaction(agent + "-" + d, agent, day(d).plus(Duration.ofHours(10)),
            Map.of("empathy", score(agent, d))));
      }
      if (d < 3) {
        run.interactions.pipeInput("thin", interaction("thin-" + d, "thin", day(d).plus(Duration.ofHours(10)),
            Map.of("empathy", 50.0)));
      }
      if (d == 3) {
        // thin stops working: the roster says so, else the team would wait for it
        run.agents.pipeInput("thin", AgentProfile.newBuilder().setAgentId("thin").setDisplayName("Thin")
            .setTeamId("team-a").setActive(false).build());
      }
      if (publishDaily) {
        run.publishChangedWindows(); // the changed days reach the team with the publication
      }
    }
  }

  /**
   * Days 0-38 of {@link #play}, "coached" coached on day 20 and "alsoCoached" on day 25; without {@code publishDaily}
   * the changes of days 21-38 wait for the next publication.
   */
  private static void playSessions(TopologyFixture run, boolean publishDaily, List<String> agents) {
    play(run, 0, 20, true, agents);
    coach(run, "s-coached", "coached", SESSION_AT);
    coach(run, "s-also", "alsoCoached", day(25).plus(Duration.ofHours(9)));
    play(run, 21, 38, publishDaily, agents);
  }

  /** Everyone +5 from day 20 (the season); "coached" +8 more from its session; "alsoCoached" +20 from day 25. */
  private static double score(String agent, int d) {
    double base = switch (agent) {
      case "coached" -> 60;
      case "a" -> 70;
      case "b" -> 75;
      default -> 65;
    };
    double drift = d >= 20 ? 5 : 0;
    double lift = agent.equals("coached") && d >= 20 ? 8 : agent.equals("alsoCoached") && d >= 25 ? 20 : 0;
    return base + drift + lift;
  }

  private void coach(String actionId, String agent, Instant sessionAt) {
    coach(fixture, actionId, agent, sessionAt);
  }

  private static void coach(TopologyFixture run, String actionId, String agent, Instant sessionAt) {
    run.actions.pipeInput(agent, CoachingAction.newBuilder().setActionId(actionId).setAgentId(agent)
        .setType(ActionType.COACHED).setCategory(SkillCategory.SOFT).setActorId("sup-1").setCoachId("coach-1")
        .setAt(sessionAt).setSessionAt(sessionAt).setSkills(List.of("empathy")).build(), sessionAt);
  }

  private Map<String, List<CoachingEffect>> published() {
    return effects.readRecordsToList().stream().collect(Collectors.groupingBy(TestRecord::key,
        Collectors.mapping(TestRecord::value, Collectors.toList())));
  }

  @Test
  void theTeamsDriftIsCancelledByTheComparisonGroupOfUncoachedAgentsWithEnoughSamples() {
    playSessions(fixture, true, AGENTS);

    Map<String, List<CoachingEffect>> byKey = published();
    List<CoachingEffect> coached = byKey.get("s-coached");
    assertThat(coached.get(0).getStatus()).isEqualTo(EffectStatus.PENDING);
    CoachingEffect last = coached.get(coached.size() - 1);
    assertThat(last.getStatus()).isEqualTo(EffectStatus.FINAL);
    assertThat(coached.subList(0, coached.size() - 1)).allMatch(e -> e.getStatus() == EffectStatus.PENDING);
    assertThat(last.getBefore().getScore()).isCloseTo(60, within(1e-9));
    assertThat(last.getBefore().getSamples()).isEqualTo(14);
    assertThat(last.getAfter().getScore()).isCloseTo(73, within(1e-9));
    assertThat(last.getAfter().getSamples()).isEqualTo(14);
    assertThat(last.getChange()).as("before/after alone: drift + lift").isCloseTo(13, within(1e-9));
    // a and b (+5): alsoCoached is coached in SOFT within the window, thin has too few samples
    assertThat(last.getComparisonAgents()).isEqualTo(2);
    assertThat(last.getComparisonChange()).isCloseTo(5, within(1e-9));
    assertThat(last.getEffect()).isCloseTo(8, within(1e-9));
    assertThat(last.getTeamId()).isEqualTo("team-a");
    assertThat(last.getCoachId()).isEqualTo("coach-1");
    assertThat(last.getSessionAt()).isEqualTo(SESSION_AT);
  }

  @Test
  void aFinalEffectIsNeverChangedAgain() {
    playSessions(fixture, true, AGENTS);
    List<CoachingEffect> first = published().get("s-coached");
    assertThat(first.get(first.size() - 1).getStatus()).isEqualTo(EffectStatus.FINAL);

    // a correction inside the after period and more days: the FINAL record stays as it was
    fixture.evaluations.pipeInput("coached", evaluation("late-eval", "coached", day(30), Map.of("empathy", 1.0)));
    play(39, 45);
    coach("s-coached", "coached", SESSION_AT); // a re-sent action
    assertThat(published()).doesNotContainKey("s-coached");
  }

  @Test
  void aCorrectedEvaluationIsReflectedInThePendingAndFinalEffect() {
    play(0, 20);
    coach("s-coached", "coached", SESSION_AT);
    coach("s-also", "alsoCoached", day(25).plus(Duration.ofHours(9)));
    // an evaluation of 10/100 in the after period, corrected to 73/100 (the agent's after-period level)
    fixture.evaluations.pipeInput("coached", evaluation("e1", "coached", day(22).plus(Duration.ofHours(11)),
        Map.of("empathy", 1.0)));
    play(21, 24);
    List<CoachingEffect> pending = published().get("s-coached");
    CoachingEffect wrong = pending.get(pending.size() - 1);
    assertThat(wrong.getStatus()).isEqualTo(EffectStatus.PENDING);
    assertThat(wrong.getAfter().getScore()).isLessThan(70);

    fixture.evaluations.pipeInput("coached", evaluation("e1", "coached", day(22).plus(Duration.ofHours(11)),
        Map.of("empathy", 7.3)));
    play(25, 38);
    // the QA source moves on past the close too (day 38 is outside both periods): until it does, an evaluation
    // of the after period could still arrive and be accepted, so the effect could not close
    fixture.evaluations.pipeInput("coached", evaluation("e2", "coached", day(38).plus(Duration.ofHours(11)),
        Map.of("empathy", 7.3)));
    play(39, 39);
    List<CoachingEffect> rest = published().get("s-coached");
    CoachingEffect last = rest.get(rest.size() - 1);
    assertThat(last.getStatus()).isEqualTo(EffectStatus.FINAL);
    assertThat(last.getAfter().getScore()).isCloseTo(73, within(1e-9));
    assertThat(last.getAfter().getSamples()).isEqualTo(15);
    assertThat(last.getEffect()).isCloseTo(8, within(1e-9));
  }

  @Test
  void evaluationsReadOnlyOnceTheInteractionsAreFarAheadCountAsIfReadInEventTimeOrder() {
    // live, one topic's records may be fetched seconds before the other's; after a crash, or in a backfill, days
    CoachingEffect inOrder = finalEffect(fixture, false);
    try (TopologyFixture interactionsFirst = new TopologyFixture()) {
      CoachingEffect evaluationsLast = finalEffect(interactionsFirst, true);
      assertThat(evaluationsLast).isEqualTo(inOrder);
    }
    assertThat(inOrder.getStatus()).isEqualTo(EffectStatus.FINAL);
    assertThat(inOrder.getComparisonAgents()).isEqualTo(2);
    // a and b: interactions +5, evaluations 70 -> 95 (+25): each changes by 15 with its evaluations
    assertThat(inOrder.getComparisonChange()).isCloseTo((15 + 15) / 2.0, within(1e-9));
  }

  /**
   * Days 0-39 of interactions of "coached", "a" and "b" as in {@link #play}, and a QA evaluation of "a" and of "b" every day (70 before the
   * session's day, 95 from it) on days 0-38; with {@code evaluationsLast}, the evaluations from day 21 on are read
   * only after the interactions up to day 38 (in their own order, so none is late). Returns the session's last
   * effect.
   */
  private CoachingEffect finalEffect(TopologyFixture run, boolean evaluationsLast) {
    TestOutputTopic<String, CoachingEffect> out = effectsOf(run);
    List<Runnable> withheld = new java.util.ArrayList<>();
    for (int d = 0; d <= 38; d++) {
      for (String agent : List.of("coached", "a", "b")) {
        run.interactions.pipeInput(agent, interaction(agent + "-" + d, agent, day(d).plus(Duration.ofHours(10)),
            Map.of("empathy", score(agent, d))));
      }
      for (String agent : List.of("a", "b")) {
        var evaluation = evaluation(agent + "-qa-" + d, agent, day(d).plus(Duration.ofHours(15)),
            Map.of("empathy", d >= 20 ? 9.5 : 7.0));
        Runnable pipe = () -> run.evaluations.pipeInput(agent, evaluation);
        if (evaluationsLast && d > 20) {
          withheld.add(pipe);
        } else {
          pipe.run();
        }
      }
      run.publishChangedWindows();
      if (d == 20) {
        run.actions.pipeInput("coached", CoachingAction.newBuilder().setActionId("s-coached").setAgentId("coached")
            .setType(ActionType.COACHED).setCategory(SkillCategory.SOFT).setActorId("sup-1").setCoachId("coach-1")
            .setAt(SESSION_AT).setSessionAt(SESSION_AT).setSkills(List.of("empathy")).build(), SESSION_AT);
      }
    }
    withheld.forEach(Runnable::run);
    // a member's settled time reaches the team with its next changed day: one more day of interactions
    for (String agent : List.of("coached", "a", "b")) {
      run.interactions.pipeInput(agent, interaction(agent + "-39", agent, day(39).plus(Duration.ofHours(10)),
          Map.of("empathy", score(agent, 39))));
    }
    run.publishChangedWindows();
    List<TestRecord<String, CoachingEffect>> records = out.readRecordsToList();
    return records.get(records.size() - 1).value();
  }

  @Test
  void daysOfOnePublicationAllReachTheTeamBeforeTheAgentsSettledTimeDoes() {
    // after a restart, or when a publication interval holds several days of events, one publication sends an
    // agent's many changed days: the team must not close a measurement on the first of them
    playSessions(fixture, true, AGENTS);
    List<CoachingEffect> daily = published().get("s-coached");
    try (TopologyFixture rarely = new TopologyFixture()) {
      TestOutputTopic<String, CoachingEffect> out = effectsOf(rarely);
      playSessions(rarely, false, List.of("alsoCoached", "coached", "b", "a")); // a comparison agent's days last
      rarely.publishChangedWindows(); // days 21-38 of every agent in one publication
      List<CoachingEffect> coached = out.readRecordsToList().stream().filter(r -> r.key().equals("s-coached"))
          .map(TestRecord::value).toList();
      CoachingEffect last = coached.get(coached.size() - 1);
      assertThat(last.getStatus()).isEqualTo(EffectStatus.FINAL);
      assertThat(last).isEqualTo(daily.get(daily.size() - 1));
    }
  }

  @Test
  void tooFewSamplesOrNoComparisonAgentIsInsufficientDataWithoutAnEffect() {
    play(0, 20);
    coach("s-thin", "thin", SESSION_AT);                       // no samples at all around the session
    coach("s-early", "coached", day(2).plus(Duration.ofHours(9))); // 2 days before: too few before
    play(21, 38);
    Map<String, List<CoachingEffect>> byKey = published();
    for (String session : List.of("s-thin", "s-early")) {
      List<CoachingEffect> records = byKey.get(session);
      CoachingEffect last = records.get(records.size() - 1);
      assertThat(last.getStatus()).as(session).isEqualTo(EffectStatus.INSUFFICIENT_DATA);
      assertThat(last.getEffect()).as(session).isNull();
    }
  }

  @Test
  void aMemberThatHasWorkedHoldsTheTeamsEffectsBackUntilItLeavesTheRoster() {
    play(0, 20);
    coach("s-coached", "coached", SESSION_AT);
    fixture.interactions.pipeInput("late", interaction("late-1", "late", day(10), Map.of("empathy", 70.0)));
    play(21, 40);
    List<CoachingEffect> held = published().get("s-coached");
    assertThat(held).allMatch(e -> e.getStatus() == EffectStatus.PENDING);
    fixture.agents.pipeInput("late", AgentProfile.newBuilder().setAgentId("late").setDisplayName("Late")
        .setTeamId("team-a").setActive(false).build());
    play(41, 41);
    List<CoachingEffect> closed = published().get("s-coached");
    assertThat(closed.get(closed.size() - 1).getStatus()).isEqualTo(EffectStatus.FINAL);
  }

  @Test
  void aSessionWithoutACategoryIsMeasuredInItsFirstSkillsCategoryAndOtherActionsAreIgnored() {
    play(0, 20);
    actions.pipeInput("coached", CoachingAction.newBuilder().setActionId("s-skills").setAgentId("coached")
        .setType(ActionType.COACHED).setActorId("sup-1").setAt(SESSION_AT).setSessionAt(SESSION_AT)
        .setSkills(List.of("product_knowledge", "empathy")).build(), SESSION_AT);
    actions.pipeInput("a", CoachingAction.newBuilder().setActionId("ack-1").setAgentId("a")
        .setType(ActionType.ACKNOWLEDGED).setCategory(SkillCategory.SOFT).setActorId("sup-1").setAt(SESSION_AT)
        .setSkills(List.of()).build(), SESSION_AT);
    Map<String, List<CoachingEffect>> byKey = published();
    assertThat(byKey).containsOnlyKeys("s-skills");
    assertThat(byKey.get("s-skills").get(0).getCategory()).isEqualTo(SkillCategory.HARD);
    assertThat(byKey.get("s-skills").get(0).getCoachId()).as("the actor when no coach is named").isEqualTo("sup-1");
  }

  @Test
  void aSessionOfAnAgentWithoutATeamIsInsufficientDataAtOnce() {
    coach("s-nobody", "nobody", SESSION_AT);
    assertThat(published().get("s-nobody")).singleElement().satisfies(e -> {
      assertThat(e.getStatus()).isEqualTo(EffectStatus.INSUFFICIENT_DATA);
      assertThat(e.getTeamId()).isNull();
      assertThat(e.getComparisonAgents()).isZero();
    });
  }
}
