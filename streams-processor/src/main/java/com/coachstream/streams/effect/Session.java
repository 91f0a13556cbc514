package com.coachstream.streams.effect;

import com.coachstream.avro.SkillCategory;

/**
 * A coaching session whose effect is measured: the COACHED action's id, the coached agent and its team
 * (roster when the action was accepted; null when unknown), who coached, the category and the time S.
 */
public record Session(String sessionId, String agentId, String teamId, String coachId, SkillCategory category,
    long sessionAt) { }
