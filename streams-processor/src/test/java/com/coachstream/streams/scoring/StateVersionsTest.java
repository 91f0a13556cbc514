package com.coachstream.streams.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachstream.avro.SkillCategory;
import com.coachstream.streams.slip.CategoryState;
import com.coachstream.streams.slip.SustainedRule;
import com.coachstream.streams.window.EventTimeProgress;
import com.coachstream.streams.window.EventTimeProgress.Source;
import com.coachstream.streams.window.WindowSpec;
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
    assertThat(AgentStateCodec.encode(state)[0]).isEqualTo(AgentStateCodec.VERSION_6);
    assertThat(SliceCodec.encode(new Slice())[0]).isEqualTo(SliceCodec.VERSION_3);
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
    byte[] version4 = AgentStateCodec.encode(state, AgentStateCodec.VERSION_4);

    AgentState migrated = AgentStateCodec.decode(version3Of(version4, newest));

    assertThat(migrated.progress().newest(Source.INTERACTIONS)).isEqualTo(newest);
    assertThat(migrated.progress().newest(Source.QA_EVALUATIONS)).isEqualTo(newest);
    assertThat(migrated.teamId()).isEqualTo("blue");
    assertThat(migrated.category(SkillCategory.SOFT)).isEqualTo(new CategoryState(true, newest - day));
    assertThat(migrated.currentWindow().categoryScore(SkillCategory.SOFT)).isEqualTo(55.0);
    assertThat(migrated.dirtyFrom()).isEqualTo(20_000 * day);
    // bit for bit what version 4 held
    assertThat(AgentStateCodec.encode(migrated, AgentStateCodec.VERSION_4)).isEqualTo(version4);
  }

  @Test
  void version5StateIsReadWithoutTeamTracksAndWrittenBackAsVersion6() {
    long day = 86_400_000L;
    AgentState state = new AgentState();
    state.current.advanceTo(20_000 * day, WindowSpec.DEFAULTS, new InMemoryAgentHistory());
    state.current.apply(20_000 * day, List.of(new Observation("empathy", SkillCategory.SOFT, 55, 1, 20_000 * day + 5, "e1")),
        null, 20_000 * day + 5, 1, WindowSpec.DEFAULTS);
    state.progress(new EventTimeProgress(20_000 * day + 5, 20_000 * day + 5));
    state.teamId("blue");
    state.category(SkillCategory.SOFT, new CategoryState(true, 20_000 * day));
    state.sustainTrack(SkillCategory.SOFT, new SustainedRule.Track(20_000 * day, 0b101));
    byte[] version5 = AgentStateCodec.encode(state, AgentStateCodec.VERSION_5);
    state.scoredTeam("blue");
    state.teamTrack(SkillCategory.HARD, new SustainedRule.Track(20_000 * day, 0b11));

    AgentState migrated = AgentStateCodec.decode(version5);

    assertThat(migrated.scoredTeam()).isNull();
    assertThat(migrated.teamTracks()).isEmpty();
    assertThat(migrated.sustainTrack(SkillCategory.SOFT)).isEqualTo(new SustainedRule.Track(20_000 * day, 0b101));
    assertThat(migrated.category(SkillCategory.SOFT)).isEqualTo(new CategoryState(true, 20_000 * day));
    assertThat(migrated.currentWindow().categoryScore(SkillCategory.SOFT)).isEqualTo(55.0);
    assertThat(AgentStateCodec.encode(migrated, AgentStateCodec.VERSION_5)).isEqualTo(version5);
    byte[] version6 = AgentStateCodec.encode(migrated);
    assertThat(version6[0]).isEqualTo(AgentStateCodec.VERSION_6);
    // version 6 keeps the team rule's state
    AgentState today = AgentStateCodec.decode(AgentStateCodec.encode(state));
    assertThat(today.scoredTeam()).isEqualTo("blue");
    assertThat(today.teamTrack(SkillCategory.HARD)).isEqualTo(new SustainedRule.Track(20_000 * day, 0b11));
    assertThat(today.teamTrack(SkillCategory.SOFT)).isEqualTo(SustainedRule.Track.NONE);
  }

  @Test
  void aLayoutNewerThanThisCodeIsRefusedByName() {
    assertThatThrownBy(() -> AgentStateCodec.decode(new byte[] {9, 0, 0}))
        .hasMessageContaining("Unknown agent state version 9")
        .hasMessageNotContaining("0.1 snapshot");
  }

  @Test
  void version4StateGetsItsMomentsRebuiltFromTheSlicesOnTheNextEvent() {
    WindowSpec spec = WindowSpec.DEFAULTS;
    long day = 86_400_000L;
    InMemoryAgentHistory history = new InMemoryAgentHistory();
    AgentState state = new AgentState();
    for (int d = 0; d < 40; d++) {
      long slice = (20_000 + d) * day;
      long time = slice + 3_600_000;
      List<Observation> observations = List.of(new Observation("empathy", SkillCategory.SOFT, 50 + d, 1, time, "i" + d),
          new Observation("tone", SkillCategory.SOFT, 90 - d % 7, 2, time, "i" + d));
      state.current.advanceTo(slice, spec, history);
      Slice stored = new Slice();
      InteractionKpi kpi = new InteractionKpi(null, null, 60, null);
      stored.addInteraction(new ScorableEvent.Interaction("i" + d, "a", "blue", time, observations, kpi));
      history.putSlice(slice, stored);
      state.current.apply(slice, observations, kpi, time, 1, spec);
    }
    byte[] today = AgentStateCodec.encode(state);

    AgentState migrated = AgentStateCodec.decode(AgentStateCodec.encode(state, AgentStateCodec.VERSION_4));
    assertThat(migrated.current.moments(SkillCategory.SOFT).isEmpty()).isTrue();
    migrated.current.advanceTo(migrated.current.anchor(), spec, history);

    assertThat(AgentStateCodec.encode(migrated)).isEqualTo(today);
    assertThat(migrated.current.moments(SkillCategory.SOFT).count()).isEqualTo(7);
    assertThat(migrated.current.baselineMoments(SkillCategory.SOFT).count()).isEqualTo(28);
  }

  @Test
  void version2SlicesGetTheirInteractionsAsSamplesAtTheirMean() {
    long time = 1_000;
    Slice slice = new Slice();
    slice.addInteraction(new ScorableEvent.Interaction("i1", "a", null, time,
        List.of(new Observation("empathy", SkillCategory.SOFT, 60, 1, time, "i1")), new InteractionKpi(null, null, 60, null)));
    slice.addInteraction(new ScorableEvent.Interaction("i2", "a", null, time,
        List.of(new Observation("empathy", SkillCategory.SOFT, 80, 1, time, "i2")), new InteractionKpi(null, null, 60, null)));
    Slice today = SliceCodec.decode(SliceCodec.encode(slice));
    Slice migrated = SliceCodec.decode(SliceCodec.encode(slice, SliceCodec.VERSION_2));

    assertThat(today.interactionMoments.get(SkillCategory.SOFT).variance()).isEqualTo(200.0);
    assertThat(migrated.interactionMoments.get(SkillCategory.SOFT).count()).isEqualTo(2);
    assertThat(migrated.interactionMoments.get(SkillCategory.SOFT).mean()).isEqualTo(70.0);
    assertThat(migrated.interactionMoments.get(SkillCategory.SOFT).variance()).isZero();
    // derived the same way every time it is read: a window adding and later subtracting it stays exact
    assertThat(SliceCodec.encode(migrated)).isEqualTo(SliceCodec.encode(
        SliceCodec.decode(SliceCodec.encode(slice, SliceCodec.VERSION_2))));
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
