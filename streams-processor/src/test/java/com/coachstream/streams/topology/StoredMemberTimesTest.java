package com.coachstream.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.streams.effect.InMemoryMemberTimes;
import com.coachstream.streams.effect.MemberTimes;
import com.coachstream.streams.effect.TeamClock;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StoredMemberTimesTest {

  private KeyValueStore<Bytes, Long> store;

  @BeforeEach
  void store() {
    store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("team-members"), Serdes.Bytes(), Serdes.Long())
        .withLoggingDisabled().build();
    store.init(new MockProcessorContext<>().getStateStoreContext(), store);
  }

  @Test
  void answersLikeTheInMemoryTimesForRandomJoinsMovesAndLeavesOfSeveralTeams() {
    Random random = new Random(7);
    MemberTimes[] stored = {new StoredMemberTimes(store, "t1"), new StoredMemberTimes(store, "t10")};
    MemberTimes[] reference = {new InMemoryMemberTimes(), new InMemoryMemberTimes()};
    for (int step = 0; step < 5_000; step++) {
      int team = random.nextInt(2);
      String agent = "a" + random.nextInt(12);
      switch (random.nextInt(4)) {
        case 0 -> {
          stored[team].remove(agent);
          reference[team].remove(agent);
        }
        case 1 -> {
          stored[team].put(agent, TeamClock.NONE);
          reference[team].put(agent, TeamClock.NONE);
        }
        default -> {
          long time = random.nextInt(2_000) - 500L; // negative times too: the index must sort them first
          stored[team].put(agent, time);
          reference[team].put(agent, time);
        }
      }
      for (int t = 0; t < 2; t++) {
        assertThat(stored[t].slowest()).as("team %d at step %d", t, step).isEqualTo(reference[t].slowest());
        assertThat(stored[t].get(agent)).isEqualTo(reference[t].get(agent));
      }
    }
  }

  @Test
  void aTeamWithoutMembersHasNoTimeEvenWhenAnotherTeamsIdStartsWithItsId() {
    new StoredMemberTimes(store, "t10").put("a", 5L);
    assertThat(new StoredMemberTimes(store, "t1").slowest()).isEqualTo(TeamClock.NONE);
    assertThat(new StoredMemberTimes(store, "t10").slowest()).isEqualTo(5L);
  }
}
