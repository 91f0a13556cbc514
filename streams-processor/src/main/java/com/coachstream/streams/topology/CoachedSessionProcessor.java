package com.coachstream.streams.topology;

import com.coachstream.avro.ActionType;
import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.SkillCategory;
import com.coachstream.schemas.skills.SkillTaxonomy;
import com.coachstream.streams.effect.Session;
import com.coachstream.streams.scoring.AgentState;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the effect measurement of each accepted COACHED action (the other action types are not its
 * business): resolves the session's team (roster, else the team last seen on the agent's events) and
 * category (the action's, else its alert's, else the first coached skill's), and sends the session to its
 * team's partition. An agent with no known team is sent under the empty team id and measured as
 * INSUFFICIENT_DATA (no comparison group).
 */
final class CoachedSessionProcessor implements Processor<String, CoachingAction, String, Object> {

  /** Key of the sessions of agents whose team is not known. */
  static final String NO_TEAM = "";
  private static final Logger log = LoggerFactory.getLogger(CoachedSessionProcessor.class);

  private final SkillTaxonomy taxonomy;
  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, AgentProfile> roster;
  private KeyValueStore<String, AgentState> agents;
  private KeyValueStore<String, CoachingAlert> alerts;

  CoachedSessionProcessor(SkillTaxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    roster = context.getStateStore(CoachingTopology.ROSTER_STORE);
    agents = context.getStateStore(CoachingTopology.AGENT_STATE_STORE);
    alerts = context.getStateStore(CoachingTopology.ALERTS_STORE);
  }

  @Override
  public void process(Record<String, CoachingAction> record) {
    CoachingAction action = record.value();
    if (action == null || action.getType() != ActionType.COACHED) {
      return;
    }
    SkillCategory category = categoryOf(action);
    if (category == null) {
      // validation requires a category or an alert; the alert may have left the alerts store since
      log.warn("Coaching session {} of agent {} names no category, no known alert and no known skill: not measured",
          action.getActionId(), action.getAgentId());
      return;
    }
    String teamId = teamOf(action.getAgentId());
    long sessionAt = action.getSessionAt() != null ? action.getSessionAt().toEpochMilli() : action.getAt().toEpochMilli();
    String coach = action.getCoachId() != null ? action.getCoachId() : action.getActorId();
    Session session = new Session(action.getActionId(), action.getAgentId(), teamId, coach, category, sessionAt);
    context.forward(new Record<>(teamId == null ? NO_TEAM : teamId, (Object) session, record.timestamp()),
        CoachingTopology.EFFECT_INPUTS_SINK);
  }

  private SkillCategory categoryOf(CoachingAction action) {
    if (action.getCategory() != null) {
      return action.getCategory();
    }
    CoachingAlert alert = action.getAlertId() == null ? null : alerts.get(action.getAlertId());
    if (alert != null) {
      return alert.getCategory();
    }
    for (String skill : action.getSkills()) {
      SkillCategory known = taxonomy.resolve(skill).map(taxonomy::category).orElse(null);
      if (known != null) {
        return known;
      }
    }
    return null;
  }

  private String teamOf(String agentId) {
    AgentProfile profile = roster.get(agentId);
    if (profile != null && profile.getTeamId() != null) {
      return profile.getTeamId();
    }
    AgentState state = agents.get(agentId);
    return state == null ? null : state.teamId();
  }
}
