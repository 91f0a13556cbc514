package com.coachstream.streams.scoring;

/** The operational figures of one interaction that feed the window KPIs (SPEC §6); nullable when unknown. */
public record InteractionKpi(Integer csat, Boolean resolved, double handleSeconds, Double sentiment) { }
