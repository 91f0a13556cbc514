package com.coachstream.streams.effect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TeamClockTest {

  private static final long DAY = 86_400_000L;
  private static final long ACTIVE = 14 * DAY;

  @Test
  void theTeamsTimeIsTheSlowestActiveAgents() {
    TeamClock clock = new TeamClock();
    assertThat(clock.time()).isEqualTo(TeamClock.NONE);
    clock.observe("a", 10 * DAY, ACTIVE);
    clock.observe("b", 8 * DAY, ACTIVE);
    assertThat(clock.time()).isEqualTo(8 * DAY);
    clock.observe("b", 12 * DAY, ACTIVE);
    assertThat(clock.time()).isEqualTo(10 * DAY);
  }

  @Test
  void anAgentsTimeNeverMovesBack() {
    TeamClock clock = new TeamClock();
    clock.observe("a", 10 * DAY, ACTIVE);
    clock.observe("a", 9 * DAY, ACTIVE);
    assertThat(clock.time()).isEqualTo(10 * DAY);
  }

  @Test
  void anAgentInactiveForLongerThanTheWindowHoldsNoOneBack() {
    TeamClock clock = new TeamClock();
    clock.observe("quiet", 10 * DAY, ACTIVE);
    clock.observe("busy", 24 * DAY, ACTIVE);
    assertThat(clock.time()).isEqualTo(10 * DAY);
    clock.observe("busy", 24 * DAY + 1, ACTIVE);
    assertThat(clock.time()).isEqualTo(24 * DAY + 1);
    assertThat(clock.newestByAgent()).containsOnlyKeys("busy");
  }

  @Test
  void dueWhenTheTeamEntersANewDayOrPassesTheNextClose() {
    TeamClock clock = new TeamClock(Map.of(), Long.MAX_VALUE, TeamClock.NONE);
    assertThat(clock.due(DAY)).isFalse();
    clock.observe("a", 10 * DAY + 5, ACTIVE);
    assertThat(clock.due(DAY)).isTrue();
    clock.evaluatedDay(10 * DAY);
    assertThat(clock.due(DAY)).isFalse();
    clock.nextClose(10 * DAY + 6);
    clock.observe("a", 10 * DAY + 6, ACTIVE);
    assertThat(clock.due(DAY)).isFalse();
    clock.observe("a", 10 * DAY + 7, ACTIVE);
    assertThat(clock.due(DAY)).isTrue();
    clock.nextClose(Long.MAX_VALUE);
    clock.observe("a", 11 * DAY, ACTIVE);
    assertThat(clock.due(DAY)).isTrue();
  }
}
