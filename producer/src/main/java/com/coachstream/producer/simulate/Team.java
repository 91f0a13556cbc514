package com.coachstream.producer.simulate;

/** A team of agents and the supervisor who receives their coaching alerts. */
public record Team(String teamId, String supervisorId, String supervisorName, String supervisorEmail) { }
