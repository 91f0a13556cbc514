package com.coachstream.streams.scoring;

import com.coachstream.streams.window.EventTimeProgress.Source;
import java.util.List;

/** A valid input event reduced to what scoring needs: its id, event time and observations. */
public sealed interface ScorableEvent {

  String sourceId();

  String agentId();

  long eventTime();

  List<Observation> observations();

  /** The input topic it came from: each source's event time is tracked on its own. */
  Source source();

  /** A completed interaction; its skill signals are observations, its operational figures KPIs. */
  record Interaction(String sourceId, String agentId, String teamId, long eventTime, List<Observation> observations,
      InteractionKpi kpi) implements ScorableEvent {

    @Override
    public Source source() {
      return Source.INTERACTIONS;
    }
  }

  /**
   * A QA evaluation. {@code fingerprint} identifies its content, so an identical re-send is a duplicate and
   * a different one a correction. Calibration and retracted evaluations carry no observations.
   */
  record Evaluation(String sourceId, String agentId, long eventTime, long fingerprint, boolean retracted,
      List<Observation> observations) implements ScorableEvent {

    @Override
    public Source source() {
      return Source.QA_EVALUATIONS;
    }
  }
}
