package com.coachstream.streams.topology;

import com.coachstream.avro.RuleSet;
import com.coachstream.streams.rules.RuleVersion;
import java.time.Instant;

/** Between the Avro {@link RuleSet} of the rules topic and the plain {@link RuleVersion}. */
public final class RuleSets {

  private RuleSets() { }

  public static RuleVersion toVersion(RuleSet rules) {
    return new RuleVersion(rules.getTeamId(), rules.getVersion(), rules.getSettings(), rules.getUpdatedBy(),
        rules.getUpdatedAt().toEpochMilli(), rules.getComment());
  }

  public static RuleSet toAvro(RuleVersion rules) {
    return RuleSet.newBuilder().setTeamId(rules.teamId()).setVersion(rules.version())
        .setSettings(new java.util.HashMap<>(rules.settings())).setUpdatedBy(rules.updatedBy())
        .setUpdatedAt(Instant.ofEpochMilli(rules.updatedAtMs())).setComment(rules.comment()).build();
  }
}
