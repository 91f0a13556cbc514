package com.coachstream.streams.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachstream.avro.SkillCategory;
import com.coachstream.streams.slip.CategoryState;
import com.coachstream.streams.window.EventTimeProgress;
import com.coachstream.streams.window.EventTimeProgress.Source;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** State written by an earlier layout is migrated, or refused with a way out, never misread as today's. */
class StateVersionsTest {

  @Test
  void agentStateOfASnapshotLayoutAsksForAReset() {
    for (byte version = 1; version < AgentStateCodec.VERSION_3; version++) {
      byte[] old = {version, 0, 0, 0};
      assertThatThrownBy(() -> AgentStateCodec.decode(old))
          .hasMessageContaining("Unknown agent state version " + version)
          .hasMessageContaining("reset the streams application");
    }
  }

  @Test
  void sliceOfASnapshotLayoutAsksForAReset() {
    assertThatThrownBy(() -> SliceCodec.decode(new byte[] {1, 0}))
        .hasMessageContaining("Unknown slice version 1")
        .hasMessageContaining("reset the streams application");
  }

  @Test
  void todaysLayoutsRoundTrip() {
    AgentState state = new AgentState();
    state.teamId("blue");
    assertThat(AgentStateCodec.decode(AgentStateCodec.encode(state)).teamId()).isEqualTo("blue");
    assertThat(AgentStateCodec.encode(state)[0]).isEqualTo(AgentStateCodec.VERSION_4);
    assertThat(SliceCodec.encode(new Slice())[0]).isEqualTo(SliceCodec.VERSION_2);
  }

  @Test
  void version3StateIsMigratedWithItsNewestEventTimeAsBothSourcesProgress() {
    InMemoryAgentHistory history = new InMemoryAgentHistory();
    AgentState state = new AgentState();
    long day = 86_400_000L;
    long newest = 20_000 * day + 5;
    state.current.advanceTo(20_000 * day, com.coachstream.streams.window.WindowSpec.DEFAULTS, history);
    state.current.apply(20_000 * day, List.of(new Observation("empathy", SkillCategory.SOFT, 55, 1, newest, "e1")),
        null, newest, 1, com.coachstream.streams.window.WindowSpec.DEFAULTS);
    state.progress(new EventTimeProgress(newest, newest));
    state.teamId("blue");
    state.category(SkillCategory.SOFT, new CategoryState(true, newest - day));
    state.markDirty(20_000 * day);
    byte[] version4 = AgentStateCodec.encode(state);

    AgentState migrated = AgentStateCodec.decode(version3Of(version4, newest));

    assertThat(migrated.progress().newest(Source.INTERACTIONS)).isEqualTo(newest);
    assertThat(migrated.progress().newest(Source.QA_EVALUATIONS)).isEqualTo(newest);
    assertThat(migrated.teamId()).isEqualTo("blue");
    assertThat(migrated.category(SkillCategory.SOFT)).isEqualTo(new CategoryState(true, newest - day));
    assertThat(migrated.currentWindow().categoryScore(SkillCategory.SOFT)).isEqualTo(55.0);
    assertThat(migrated.dirtyFrom()).isEqualTo(20_000 * day);
    // written back in today's layout, bit for bit what today's code writes for the same state
    assertThat(AgentStateCodec.encode(migrated)).isEqualTo(version4);
  }

  @Test
  void aLayoutNewerThanThisCodeIsRefusedByName() {
    assertThatThrownBy(() -> AgentStateCodec.decode(new byte[] {9, 0, 0}))
        .hasMessageContaining("Unknown agent state version 9")
        .hasMessageNotContaining("0.1 snapshot");
  }

  /** Version 3 had one newest event time where version 4 has one per source; the rest is the same layout. */
  private static byte[] version3Of(byte[] version4, long newest) {
    StateWriter progress = new StateWriter(32);
    progress.writeByte(AgentStateCodec.VERSION_4);
    progress.writeZigZag(newest);
    progress.writeZigZag(newest);
    int rest = progress.toByteArray().length;
    StateWriter header = new StateWriter(32);
    header.writeByte(AgentStateCodec.VERSION_3);
    header.writeZigZag(newest);
    byte[] head = header.toByteArray();
    byte[] version3 = Arrays.copyOf(head, head.length + version4.length - rest);
    System.arraycopy(version4, rest, version3, head.length, version4.length - rest);
    return version3;
  }
}
