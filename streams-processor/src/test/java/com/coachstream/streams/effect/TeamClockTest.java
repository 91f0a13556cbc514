package com.coachstream.streams.effect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TeamClockTest {

  private static final long DAY = 86_400_000L;
  private static final long ACTIVE = 14 * DAY;

  @Test
  void theTeamsTimeIsTheSlowestActiveMembers() {
    TeamClock clock = new TeamClock();
    assertThat(clock.time(ACTIVE)).isEqualTo(TeamClock.NONE);
    clock.observe("a", 10 * DAY);
    clock.observe("b", 8 * DAY);
    assertThat(clock.time(ACTIVE)).isEqualTo(8 * DAY);
    clock.observe("b", 12 * DAY);
    assertThat(clock.time(ACTIVE)).isEqualTo(10 * DAY);
  }

  @Test
  void anAgentsTimeNeverMovesBack() {
    TeamClock clock = new TeamClock();
    clock.observe("a", 10 * DAY);
    clock.observe("a", 9 * DAY);
    assertThat(clock.time(ACTIVE)).isEqualTo(10 * DAY);
  }

  @Test
  void aMemberFarBehindStillHoldsTheTeamBackItsPartitionMayJustBeSlower() {
    TeamClock clock = new TeamClock();
    clock.observe("slowPartition", 10 * DAY);
    clock.observe("fastPartition", 34 * DAY);
    assertThat(clock.time(ACTIVE)).isEqualTo(10 * DAY);
    clock.leave("slowPartition");
    assertThat(clock.time(ACTIVE)).isEqualTo(34 * DAY);
  }

  @Test
  void aRosterMemberNotSeenYetHoldsTheTeamBackForAWindowFromWhenItJoined() {
    TeamClock clock = new TeamClock();
    clock.join("slowPartition");   // the roster comes first
    clock.observe("fast", 5 * DAY);
    assertThat(clock.time(ACTIVE)).as("its data may still be on the way").isEqualTo(TeamClock.NONE);
    clock.observe("fast", 19 * DAY);
    assertThat(clock.time(ACTIVE)).isEqualTo(TeamClock.NONE);
    clock.observe("slowPartition", 18 * DAY);
    assertThat(clock.time(ACTIVE)).isEqualTo(18 * DAY);
  }

  @Test
  void aMemberWhoNeverWorksStopsHoldingTheTeamBackAfterAWindow() {
    TeamClock clock = new TeamClock();
    clock.observe("a", 10 * DAY);
    clock.join("newHire");
    clock.observe("a", 24 * DAY);
    assertThat(clock.time(ACTIVE)).isEqualTo(TeamClock.NONE);
    clock.observe("a", 24 * DAY + 1);
    assertThat(clock.time(ACTIVE)).isEqualTo(24 * DAY + 1);
  }

  @Test
  void aMemberWhoLeftHoldsNoOneBack() {
    TeamClock clock = new TeamClock();
    clock.observe("a", 10 * DAY);
    clock.join("gone");
    clock.leave("gone");
    assertThat(clock.time(ACTIVE)).isEqualTo(10 * DAY);
    assertThat(clock.members()).containsOnlyKeys("a");
  }

  @Test
  void dueWhenTheTeamEntersANewDayOrPassesTheNextClose() {
    TeamClock clock = new TeamClock(Map.of(), Long.MAX_VALUE, TeamClock.NONE);
    assertThat(clock.due(DAY, ACTIVE)).isFalse();
    clock.observe("a", 10 * DAY + 5);
    assertThat(clock.due(DAY, ACTIVE)).isTrue();
    clock.evaluatedDay(10 * DAY);
    assertThat(clock.due(DAY, ACTIVE)).isFalse();
    clock.nextClose(10 * DAY + 6);
    clock.observe("a", 10 * DAY + 6);
    assertThat(clock.due(DAY, ACTIVE)).isFalse();
    clock.observe("a", 10 * DAY + 7);
    assertThat(clock.due(DAY, ACTIVE)).isTrue();
    clock.nextClose(Long.MAX_VALUE);
    clock.observe("a", 11 * DAY);
    assertThat(clock.due(DAY, ACTIVE)).isTrue();
  }
}
