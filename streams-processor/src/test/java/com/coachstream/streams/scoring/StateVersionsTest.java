package com.coachstream.streams.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** State written by an earlier layout is refused with a way out, never misread as today's. */
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
    assertThat(AgentStateCodec.encode(state)[0]).isEqualTo(AgentStateCodec.VERSION_3);
    assertThat(SliceCodec.encode(new Slice())[0]).isEqualTo(SliceCodec.VERSION_2);
  }
}
