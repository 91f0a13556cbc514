package com.coachstream.streams.slip;

import com.coachstream.avro.AlertReason;
import com.coachstream.avro.AlertType;

/** The next state of a category and the alert to emit, if any ({@code alert} and {@code reason} null then). */
public record SlipDecision(CategoryState next, AlertType alert, AlertReason reason) {

  static SlipDecision quiet(CategoryState state) {
    return new SlipDecision(state, null, null);
  }

  public boolean alerts() {
    return alert != null;
  }
}
