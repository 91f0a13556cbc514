package com.coachstream.producer.simulate;

import com.coachstream.avro.SkillCategory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the simulation planned, to check the pipeline's alerts against. Written as JSON lines, one line per
 * steady agent and one per (slipping agent, category):
 * <pre>
 * {"agentId":"agent-0003","teamId":"team-03","status":"SLIP","category":"SOFT","slipAt":"2026-01-12T00:00:00Z",
 *  "recoverAt":"2026-01-21T00:00:00Z","levelBefore":84.2,"levelDuring":58.9}
 * {"agentId":"agent-0001","teamId":"team-01","status":"STEADY","softLevel":85.1,"hardLevel":83.7}
 * </pre>
 * {@code recoverAt} is null when the agent does not recover within the history. Levels are the agent's
 * true category level (0..100) before and during the slip. With a {@link CoachingPlan}, one more line per
 * coaching session, with the true effect of the session (what the measured coaching effect should find):
 * <pre>
 * {"agentId":"agent-0001","teamId":"team-01","status":"COACHED","sessionId":"coach-42-0001","category":"SOFT",
 *  "sessionAt":"2026-01-16T06:00:00Z","coachId":"sup-01","trueLift":8.0}
 * </pre>
 */
public record GroundTruth(List<SimulatedAgent> agents, List<CoachingPlan.Session> sessions) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public static GroundTruth of(ContactCenter center) {
    return new GroundTruth(center.agents(), center.sessions());
  }

  public List<SimulatedAgent> slipping() {
    return agents.stream().filter(a -> !a.steady()).toList();
  }

  public List<SimulatedAgent> steady() {
    return agents.stream().filter(SimulatedAgent::steady).toList();
  }

  /** Whether a SLIP alert about the agent and category at {@code time} is a false alarm: no planned slip then. */
  public boolean falseAlarm(String agentId, SkillCategory category, Instant time) {
    return agents.stream().filter(a -> a.agentId().equals(agentId)).findFirst()
        .map(a -> a.slips().stream().noneMatch(s -> s.category() == category && s.activeAt(time)))
        .orElse(true);
  }

  /** The JSON lines of the ground-truth file. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (SimulatedAgent agent : agents) {
      if (agent.steady()) {
        ObjectNode node = base(agent, "STEADY");
        node.put("softLevel", round1(agent.softLevel()));
        node.put("hardLevel", round1(agent.hardLevel()));
        lines.add(node.toString());
      }
      for (Slip slip : agent.slips()) {
        ObjectNode node = base(agent, "SLIP");
        node.put("category", slip.category().name());
        node.put("slipAt", slip.at().toString());
        node.put("recoverAt", slip.recoverAt() == null ? null : slip.recoverAt().toString());
        node.put("levelBefore", round1(slip.levelBefore()));
        node.put("levelDuring", round1(slip.levelDuring()));
        lines.add(node.toString());
      }
    }
    for (CoachingPlan.Session session : sessions) {
      ObjectNode node = base(session.agent(), "COACHED");
      node.put("sessionId", session.sessionId());
      node.put("category", session.category().name());
      node.put("sessionAt", session.at().toString());
      node.put("coachId", session.agent().team().supervisorId());
      node.put("trueLift", round1(session.trueLift()));
      lines.add(node.toString());
    }
    return lines;
  }

  public void write(Path file) throws IOException {
    try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String line : lines()) {
        writer.write(line);
        writer.newLine();
      }
    }
  }

  private static ObjectNode base(SimulatedAgent agent, String status) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("agentId", agent.agentId());
    node.put("teamId", agent.team().teamId());
    node.put("status", status);
    return node;
  }

  private static double round1(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
