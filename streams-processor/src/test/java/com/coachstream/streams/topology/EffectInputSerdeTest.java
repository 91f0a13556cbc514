package com.coachstream.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.SkillCategory;
import com.coachstream.streams.effect.AgentDay;
import com.coachstream.streams.effect.CategorySums;
import com.coachstream.streams.effect.Session;
import com.coachstream.streams.effect.InMemoryMemberTimes;
import com.coachstream.streams.effect.TeamClock;
import com.coachstream.streams.effect.TeamMember;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

class EffectInputSerdeTest {

  private final EffectInputSerde<Object> serde = new EffectInputSerde<>();

  private Object roundTrip(Object value) {
    return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
  }

  @Test
  void everyValueSurvivesTheRoundTrip() {
    AgentDay day = new AgentDay("a1", "team-1", 86_400_000L, 90_000_000L, Map.of(SkillCategory.SOFT,
        new CategorySums(3, new TreeMap<>(Map.of("empathy", new CategorySums.SkillSums(241.5, 3.0))))));
    assertThat(roundTrip(day)).isEqualTo(day);
    Session session = new Session("act-1", "a1", null, "sup-1", SkillCategory.HARD, 123L);
    assertThat(roundTrip(session)).isEqualTo(session);
    TeamMember member = new TeamMember("a1", "team-1", false);
    assertThat(roundTrip(member)).isEqualTo(member);
    TeamClock clock = new TeamClock(new InMemoryMemberTimes(), 99L, 86_400_000L);
    clock.observe("a1", 5L);
    TeamClock back = (TeamClock) roundTrip(clock);
    assertThat(back.time()).as("the members' times are not part of the stored schedule").isEqualTo(TeamClock.NONE);
    assertThat(back.nextClose()).isEqualTo(99L);
    assertThat(back.evaluatedDay()).isEqualTo(86_400_000L);
    assertThat(serde.serializer().serialize("t", null)).isNull();
  }

  @Test
  void teamKeysSortByTeamThenDayThenAgentWithNegativeDaysFirst() {
    Bytes early = TeamKeys.day("t1", -86_400_000L, "z");
    Bytes day0 = TeamKeys.day("t1", 0, "a");
    Bytes day0b = TeamKeys.day("t1", 0, "b");
    Bytes day1 = TeamKeys.day("t1", 86_400_000L, "a");
    Bytes lowerBoundOfDay1 = TeamKeys.day("t1", 86_400_000L, "");
    assertThat(early.compareTo(day0)).isNegative();
    assertThat(day0.compareTo(day0b)).isNegative();
    assertThat(day0b.compareTo(lowerBoundOfDay1)).isNegative();
    assertThat(lowerBoundOfDay1.compareTo(day1)).isNegative();
    assertThat(TeamKeys.day("t2", Long.MIN_VALUE, "").compareTo(day1)).isPositive();
    assertThat(TeamKeys.session("t1", "s").compareTo(TeamKeys.sessionsFrom("t1"))).isPositive();
    assertThat(TeamKeys.session("t1", "s").compareTo(TeamKeys.sessionsTo("t1"))).isNegative();
  }
}
