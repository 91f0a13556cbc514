package com.coachstream.streams.scoring;

import java.util.List;

/**
 * An accepted QA evaluation as remembered in its slice: its content fingerprint (to tell a duplicate from a
 * correction), whether it was retracted, and its raw observations, so a correction or retraction can
 * withdraw them exactly.
 */
public record RecordedEvaluation(String evaluationId, long eventTime, long fingerprint, boolean retracted,
    List<Observation> observations) { }
