package com.coachstream.streams.effect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TeamClockTest {

  private static final long DAY = 86_400_000L;

  @Test
  void theTeamsTimeIsTheSlowestMembers() {
    TeamClock clock = new TeamClock();
    assertThat(clock.time()).isEqualTo(TeamClock.NONE);
    clock.observe("a", 10 * DAY);
    clock.observe("b", 8 * DAY);
    assertThat(clock.time()).isEqualTo(8 * DAY);
    clock.observe("b", 12 * DAY);
    assertThat(clock.time()).isEqualTo(10 * DAY);
  }

  @Test
  void anAgentsTimeNeverMovesBack() {
    TeamClock clock = new TeamClock();
    clock.observe("a", 10 * DAY);
    clock.observe("a", 9 * DAY);
    assertThat(clock.time()).isEqualTo(10 * DAY);
  }

  @Test
  void aMemberFarBehindStillHoldsTheTeamBackItsPartitionMayJustBeSlower() {
    TeamClock clock = new TeamClock();
    clock.observe("slowPartition", 10 * DAY);
    clock.observe("fastPartition", 34 * DAY);
    assertThat(clock.time()).isEqualTo(10 * DAY);
    clock.leave("slowPartition");
    assertThat(clock.time()).isEqualTo(34 * DAY);
    assertThat(clock.time()).as("only the fast member is left").isEqualTo(34 * DAY);
  }

  @Test
  void aRosterMemberNotSeenWorkingYetHoldsTheTeamBack() {
    TeamClock clock = new TeamClock();
    clock.join("slowPartition");   // its roster record came first
    clock.observe("fast", 19 * DAY);
    assertThat(clock.time()).as("its data may still be on the way").isEqualTo(TeamClock.NONE);
    clock.join("fast");            // a member already known stays as it is
    clock.observe("slowPartition", 18 * DAY);
    assertThat(clock.time()).isEqualTo(18 * DAY);
    clock.join("newHire");
    clock.leave("newHire");
    assertThat(clock.time()).isEqualTo(18 * DAY);
  }

  @Test
  void dueWhenTheTeamEntersANewDayOrPassesTheNextClose() {
    TeamClock clock = new TeamClock(new InMemoryMemberTimes(), Long.MAX_VALUE, TeamClock.NONE);
    assertThat(clock.due(DAY)).isFalse();
    clock.observe("a", 10 * DAY + 5);
    assertThat(clock.due(DAY)).isTrue();
    clock.evaluatedDay(10 * DAY);
    assertThat(clock.due(DAY)).isFalse();
    clock.nextClose(10 * DAY + 6);
    clock.observe("a", 10 * DAY + 6);
    assertThat(clock.due(DAY)).isFalse();
    clock.observe("a", 10 * DAY + 7);
    assertThat(clock.due(DAY)).isTrue();
    clock.nextClose(Long.MAX_VALUE);
    clock.observe("a", 11 * DAY);
    assertThat(clock.due(DAY)).isTrue();
  }

  @Test
  void theSlowestIsKeptWhenSeveralMembersShareItAndWhenMembersLeave() {
    MemberTimes times = new InMemoryMemberTimes();
    TeamClock clock = new TeamClock(times, Long.MAX_VALUE, TeamClock.NONE);
    clock.observe("a", 5 * DAY);
    clock.observe("b", 5 * DAY);
    clock.observe("c", 9 * DAY);
    clock.observe("a", 7 * DAY);
    assertThat(clock.time()).as("b is still at day 5").isEqualTo(5 * DAY);
    clock.leave("b");
    assertThat(clock.time()).isEqualTo(7 * DAY);
    clock.leave("a");
    clock.leave("c");
    assertThat(clock.time()).isEqualTo(TeamClock.NONE);
    assertThat(times.get("a")).isNull();
  }

  @Test
  void aStoredScheduleOverOtherMembersKeepsItsTimes() {
    TeamClock schedule = new TeamClock(new InMemoryMemberTimes(), 42L, 3 * DAY);
    MemberTimes members = new InMemoryMemberTimes();
    members.put("a", 4 * DAY);
    TeamClock clock = schedule.over(members);
    assertThat(clock.nextClose()).isEqualTo(42L);
    assertThat(clock.evaluatedDay()).isEqualTo(3 * DAY);
    assertThat(clock.time()).isEqualTo(4 * DAY);
  }
}
