package com.coachstream.streams.scoring;

import com.coachstream.avro.SkillCategory;
import com.coachstream.streams.slip.CategoryState;
import com.coachstream.streams.slip.SustainedRule;
import com.coachstream.streams.window.EventTimeProgress;
import com.coachstream.streams.window.EventTimeProgress.Source;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Compact, versioned binary form of {@link AgentState}, read and written on every event (varints, exact
 * sums). A new layout gets a new version byte, so state of another layout is refused with a message saying
 * so, never misread.
 *
 * <p>Version 6 adds the team-relative rule's state: each category's team track ({@code slip.team-percentile})
 * and the team the agent's window scores last went to. Version 5 is read without them (no track: no window
 * found the agent below their team yet; no team: the next scores go to the agent's team as if for the first
 * time) and written back as version 6.
 * Version 5 adds statistical mode's per-event moments to the current window and its baseline, and each
 * category's {@code slip.sustain} track after them. Version 4
 * is read without them and they are rebuilt from the stored slices on the agent's next event (an exact
 * rebuild: the same sums as kept running), then written back as version 5.
 * Version 4 keeps the newest event time of each source (interactions, QA evaluations). Version 3 kept
 * one newest event time over both; it is migrated on read by taking that time as both sources' progress
 * (what lateness was judged against when it was written), and written back as version 4.
 * Versions 1 (the whole history in one record) and 2 (the first separate-slices layout, before the
 * compact skill-name table and scores) are not read: they were only in 0.1 snapshots, before any release;
 * state from them is rebuilt by resetting the application (docs/operations.md, troubleshooting).
 */
public final class AgentStateCodec {

  static final byte VERSION_3 = 3;
  static final byte VERSION_4 = 4;
  static final byte VERSION_5 = 5;
  static final byte VERSION_6 = 6;
  private static final SkillCategory[] CATEGORIES = SkillCategory.values();

  private AgentStateCodec() { }

  public static byte[] encode(AgentState state) {
    return encode(state, VERSION_6);
  }

  /** Writes {@code version} 6, or 5 (without the team rule's state) or 4 (without moments) for tests of the migration. */
  static byte[] encode(AgentState state, byte version) {
    StateWriter out = StateWriter.reused();
    out.writeByte(version);
    out.writeZigZag(state.progress().newest(Source.INTERACTIONS));
    out.writeZigZag(state.progress().newest(Source.QA_EVALUATIONS));
    out.writeZigZag(state.dirtyFrom());
    out.writeZigZag(state.dirtyTo());
    out.writeZigZag(state.oldestSlice());
    out.writeNullableString(state.teamId());
    out.writeVarInt(state.categories().size());
    for (Map.Entry<SkillCategory, CategoryState> e : state.categories().entrySet()) {
      out.writeByte(e.getKey().ordinal());
      out.writeBoolean(e.getValue().slipping());
      out.writeZigZag(e.getValue().lastSlipAt());
    }
    state.current.write(out, version >= VERSION_5);
    if (version >= VERSION_5) {
      writeTracks(out, state.sustainTracks());
    }
    if (version >= VERSION_6) {
      out.writeNullableString(state.scoredTeam());
      writeTracks(out, state.teamTracks());
    }
    return out.toByteArray();
  }

  public static AgentState decode(byte[] data) {
    StateReader in = new StateReader(data);
    int version = in.readByte();
    if (version < VERSION_3 || version > VERSION_6) {
      throw new IllegalStateException("Unknown agent state version " + version
          + (version < VERSION_3 ? " (written by a 0.1 snapshot: reset the streams application to rebuild the state)" : ""));
    }
    AgentState state = new AgentState();
    if (version == VERSION_3) {
      long newest = in.readZigZag();
      state.progress(new EventTimeProgress(newest, newest));
    } else {
      state.progress(new EventTimeProgress(in.readZigZag(), in.readZigZag()));
    }
    state.setDirty(in.readZigZag(), in.readZigZag());
    state.oldestSlice(in.readZigZag());
    state.teamId(in.readNullableString());
    int categories = in.readVarInt();
    for (int i = 0; i < categories; i++) {
      SkillCategory category = CATEGORIES[in.readByte()];
      state.category(category, new CategoryState(in.readBoolean(), in.readZigZag()));
    }
    state.current = CurrentWindow.read(in, version >= VERSION_5);
    if (version >= VERSION_5) {
      readTracks(in, state::sustainTrack);
    }
    if (version >= VERSION_6) {
      state.scoredTeam(in.readNullableString());
      readTracks(in, state::teamTrack);
    }
    return state;
  }

  /** Per category: which of its last windows met a condition ({@link SustainedRule.Track}). */
  private static void writeTracks(StateWriter out, Map<SkillCategory, SustainedRule.Track> tracks) {
    out.writeVarInt(tracks.size());
    tracks.forEach((category, track) -> {
      out.writeByte(category.ordinal());
      out.writeZigZag(track.windowStart());
      out.writeLong(track.held());
    });
  }

  private static void readTracks(StateReader in, BiConsumer<SkillCategory, SustainedRule.Track> keep) {
    int tracks = in.readVarInt();
    for (int i = 0; i < tracks; i++) {
      keep.accept(CATEGORIES[in.readByte()], new SustainedRule.Track(in.readZigZag(), in.readLong()));
    }
  }
}
