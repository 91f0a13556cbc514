package com.coachstream.streams.effect;

/**
 * A roster change as the team sees it: the agent joined the team ({@code member}; active in the roster) or
 * left it (another team, inactive, removed). The team's event time waits for its members.
 */
public record TeamMember(String agentId, String teamId, boolean member) { }
