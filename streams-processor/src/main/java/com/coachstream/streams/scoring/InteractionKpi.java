package com.coachstream.streams.scoring;

/** The operational figures of one interaction that feed the window KPIs (docs/concepts.md); nullable when unknown. */
public record InteractionKpi(Integer csat, Boolean resolved, double handleSeconds, Double sentiment) { }
