package com.coachstream.streams.query;

import com.coachstream.avro.EffectStatus;
import com.coachstream.streams.effect.EffectRollup;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The roll-up of effects as the query API returns them (JSON, merged from every instance). */
final class EffectSummaries {

  private EffectSummaries() { }

  static EffectRollup of(List<JsonNode> effects) {
    return EffectRollup.of(effects.stream().map(e -> new EffectRollup.Outcome(
        EffectStatus.valueOf(e.path("status").asText()),
        e.path("effect").isNumber() ? e.path("effect").asDouble() : null)).toList());
  }
}
