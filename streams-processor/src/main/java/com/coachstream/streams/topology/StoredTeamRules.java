package com.coachstream.streams.topology;

import com.coachstream.common.config.ConfigException;
import com.coachstream.common.config.keys.RuleSettingKeys;
import com.coachstream.streams.rules.EffectiveRules;
import com.coachstream.streams.rules.RuleBook;
import com.coachstream.streams.rules.RuleVersion;
import com.coachstream.streams.rules.TeamRules;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of a team from {@link CoachingTopology#RULES_STORE}: two store reads (the team's, every team's)
 * and the policy {@link RuleBook} remembers for those versions, so the newest rules decide from the next event.
 * The store's serde decodes a rule set once per update ({@link DecodeOnceSerde}), so the reads cost no parse.
 */
final class StoredTeamRules implements TeamRules {

  private static final Logger log = LoggerFactory.getLogger(StoredTeamRules.class);

  private final ReadOnlyKeyValueStore<String, StoredRules> store;
  private final RuleBook book;

  StoredTeamRules(ReadOnlyKeyValueStore<String, StoredRules> store, RuleBook book) {
    this.store = store;
    this.book = book;
  }

  @Override
  public EffectiveRules forTeam(String teamId) {
    RuleVersion team = teamId == null || teamId.equals(RuleSettingKeys.EVERY_TEAM) ? null : inForce(teamId);
    RuleVersion everyTeam = inForce(RuleSettingKeys.EVERY_TEAM);
    try {
      return book.effective(teamId, team, everyTeam);
    } catch (ConfigException e) {
      // each rule set passed the check alone; should their union ever not, the configuration decides
      log.error("Rules {} and {} cannot be combined, the configuration's rules apply: {}", team, everyTeam, e.getMessage());
      return book.defaults();
    }
  }

  private RuleVersion inForce(String key) {
    StoredRules stored = store.get(key);
    return stored == null ? null : stored.inForce();
  }
}
