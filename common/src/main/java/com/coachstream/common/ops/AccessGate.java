package com.coachstream.common.ops;

import com.coachstream.common.security.AccessPolicy;
import com.coachstream.common.security.Authenticator;
import com.coachstream.common.security.Operation;
import com.coachstream.common.security.Principal;
import com.coachstream.common.security.ServiceTokens;
import com.coachstream.common.security.Verdict;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP side of access control: reads the credentials of a request, asks the {@link AccessPolicy} whether the
 * route's {@link Operation} is allowed, and answers 401, 403 or 429 itself. A route without an operation is
 * refused. Credentials are never logged or echoed.
 */
final class AccessGate {

  private static final String PRINCIPAL = "coachstream.principal";

  private final Authenticator authenticator;
  private final AccessPolicy policy;

  AccessGate(Authenticator authenticator, AccessPolicy policy) {
    this.authenticator = authenticator;
    this.policy = policy;
  }

  /** A gate for a service that has not been secured yet: only probes (and open metrics) pass. */
  static AccessGate closed() {
    return new AccessGate(null, new AccessPolicy(true));
  }

  Authenticator authenticator() {
    return authenticator;
  }

  /** True when the request may go on to the handler (the caller is then {@link #principal}); else answered. */
  boolean admit(HttpExchange exchange, Operation operation) throws IOException {
    Authenticator.Result result = authenticator == null || operation == Operation.PROBE
        ? new Authenticator.Result(Authenticator.Outcome.ANONYMOUS, Optional.empty())
        : authenticator.authenticate(exchange.getRequestHeaders().getFirst("Authorization"),
            exchange.getRequestHeaders().getFirst(ServiceTokens.HEADER),
            exchange.getRemoteAddress().getAddress().getHostAddress());
    if (result.outcome() == Authenticator.Outcome.THROTTLED) {
      exchange.getResponseHeaders().set("Retry-After", "60");
      Router.refuse(exchange, 429, Map.of("error", "TOO_MANY_REQUESTS", "message", "too many failed sign-ins; try later"));
      return false;
    }
    Verdict verdict = result.outcome() == Authenticator.Outcome.REJECTED
        ? Verdict.UNAUTHENTICATED : policy.admit(result.principal(), operation);
    if (verdict == Verdict.UNAUTHENTICATED) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"coachstream\"");
      Router.refuse(exchange, 401, Map.of("error", "UNAUTHENTICATED",
          "message", "sign in: send 'Authorization: Bearer <token>' (an OIDC token or an API token)"));
      return false;
    }
    if (verdict == Verdict.FORBIDDEN) {
      Router.refuse(exchange, 403, Map.of("error", "FORBIDDEN", "message", "your roles do not allow this request"));
      return false;
    }
    result.principal().ifPresent(p -> exchange.setAttribute(PRINCIPAL, p));
    return true;
  }

  static Principal principal(HttpExchange exchange) {
    Object principal = exchange.getAttribute(PRINCIPAL);
    if (principal == null) {
      throw new IllegalStateException("no signed-in caller on this request (an open route asked for one)");
    }
    return (Principal) principal;
  }
}
