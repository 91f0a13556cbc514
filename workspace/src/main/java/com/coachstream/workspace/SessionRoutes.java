package com.coachstream.workspace;

import com.coachstream.common.security.Authenticator;
import com.coachstream.common.security.Principal;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.javalin.http.sse.SseClient;
import java.util.Optional;

/**
 * Who is asking: sign-in and sign-out, the gate every other request passes, and the session of the live
 * stream. Kept apart from the pages so the cookie and CSRF rules live in one place.
 */
final class SessionRoutes {

  static final String SESSION_COOKIE = "cs_session";
  static final String LOGIN_COOKIE = "cs_login";

  private final Sessions sessions;
  private final Authenticator authenticator;
  private final boolean secureCookies;

  SessionRoutes(Sessions sessions, Authenticator authenticator, boolean secureCookies) {
    this.sessions = sessions;
    this.authenticator = authenticator;
    this.secureCookies = secureCookies;
  }

  /** The session {@link #gate} put on the request. */
  static Sessions.Session session(Context ctx) {
    return ctx.attribute("session");
  }

  /** Everything but sign-in, health and static files needs a session; every POST its CSRF token. */
  void gate(Context ctx) {
    String path = ctx.path();
    if (path.equals("/signin") || path.equals("/health") || path.startsWith("/webjars/") || path.startsWith("/assets/")) {
      return;
    }
    Optional<Sessions.Session> session = sessions.find(ctx.cookie(SESSION_COOKIE));
    if (session.isEmpty()) {
      if (ctx.method().name().equals("GET")) {
        ctx.redirect("/signin");
      } else {
        ctx.status(401).html(Layout.message("Signed out", null, null, "Your session ended; sign in again."));
      }
      ctx.skipRemainingHandlers();
      return;
    }
    if (!ctx.method().name().equals("GET") && !session.get().csrfMatches(ctx.formParam("csrf"))) {
      ctx.status(403).html(Layout.message("Refused", null, null, "This form is out of date; reload the page and try again."));
      ctx.skipRemainingHandlers();
      return;
    }
    Sessions.Session s = session.get();
    // teams from the roster as it is now, not as it was at sign-in
    ctx.attribute("session", new Sessions.Session(s.id(), authenticator.withCurrentTeams(s.principal()), s.csrf(), s.lastSeen()));
  }

  /**
   * Who follows an event stream, read again from its cookie as the stream outlives the request the gate saw;
   * empty (and the stream closed) when the session has ended.
   */
  Optional<Principal> ofStream(SseClient client) {
    Optional<Sessions.Session> session = sessions.find(client.ctx().cookie(SESSION_COOKIE));
    if (session.isEmpty()) {
      client.close();
      return Optional.empty();
    }
    return Optional.of(authenticator.withCurrentTeams(session.get().principal()));
  }

  void signInPage(Context ctx) {
    signInPage(ctx, null);
  }

  private void signInPage(Context ctx, String error) {
    // keep the browser's token: a second GET (a favicon redirected here, another tab) must not void an open form
    String current = ctx.cookie(LOGIN_COOKIE);
    String token = current != null && current.matches("[A-Za-z0-9_-]{43}") ? current : Sessions.randomToken();
    ctx.cookie(cookie(LOGIN_COOKIE, token));
    ctx.html(Layout.signIn(error, token));
  }

  void signIn(Context ctx) {
    String expected = ctx.cookie(LOGIN_COOKIE);
    if (expected == null || !expected.equals(ctx.formParam("csrf"))) {
      ctx.status(403);
      signInPage(ctx, "This form is out of date; try again.");
      return;
    }
    Authenticator.Result result = authenticator.signIn(ctx.formParam("user"), ctx.formParam("password"), ctx.ip());
    if (result.outcome() == Authenticator.Outcome.THROTTLED) {
      ctx.status(429).header("Retry-After", "900");
      signInPage(ctx, "Too many failed sign-ins; wait a few minutes.");
    } else if (result.principal().isEmpty()) {
      ctx.status(401);
      signInPage(ctx, "Wrong user name or password.");
    } else {
      Sessions.Session session = sessions.open(result.principal().get());
      ctx.cookie(cookie(SESSION_COOKIE, session.id()));
      ctx.redirect("/");
    }
  }

  void signOut(Context ctx) {
    sessions.close(session(ctx).id());
    Cookie gone = cookie(SESSION_COOKIE, "");
    gone.setMaxAge(0);
    ctx.cookie(gone);
    ctx.redirect("/signin");
  }

  private Cookie cookie(String name, String value) {
    Cookie cookie = new Cookie(name, value, "/", -1, secureCookies, true, null, SameSite.STRICT);
    cookie.setSecure(secureCookies);
    cookie.setHttpOnly(true);
    cookie.setSameSite(SameSite.STRICT);
    cookie.setPath("/");
    return cookie;
  }
}
