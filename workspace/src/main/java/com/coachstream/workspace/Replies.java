package com.coachstream.workspace;

import io.javalin.http.Context;

/** Answers every page group gives alike, so a refusal reads the same wherever it happens. */
final class Replies {

  private Replies() { }

  /** Not found, also for what exists but is not the user's to see: the answer must not tell them apart. */
  static void notFound(Context ctx, Sessions.Session s) {
    ctx.status(404).html(Layout.message("Not found", s.principal(), s.csrf(), "There is nothing here for you."));
  }
}
