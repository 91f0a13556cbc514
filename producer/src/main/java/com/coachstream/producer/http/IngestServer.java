package com.coachstream.producer.http;

import com.coachstream.common.config.Settings;
import com.coachstream.common.ops.ApiDescription;
import com.coachstream.common.ops.OpsServer;
import com.coachstream.common.security.AccessPolicy;
import com.coachstream.common.security.Authenticator;
import com.coachstream.common.security.Operation;
import com.coachstream.common.security.SecuritySettings;
import com.coachstream.common.ops.Route;
import com.coachstream.producer.CoachStreamProducer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code produce serve}: HTTP ingest ({@code POST /v1/events} and {@code POST /v1/actions}, see {@link IngestHandler}) plus
 * {@code /health}, {@code /ready} (the broker answered) and {@code /metrics}, on one port.
 *
 * <p>Settings: {@code http.host} (0.0.0.0), {@code http.port} (8090; 0 picks a free port),
 * {@code http.body-limit} (bytes, 1048576), {@code http.bearer-token} (a shared token that signs a sender in;
 * env {@code COACHSTREAM_HTTP_BEARER_TOKEN}), the {@code security.*} settings (users file, OIDC: a caller with the
 * sender role may post; without any of these every post is refused), and the producer's {@code bootstrap.servers},
 * {@code kafka.*}, {@code topic.*}.
 */
public final class IngestServer implements AutoCloseable {

  public static final String HOST = "http.host";
  public static final String PORT = "http.port";
  public static final String BODY_LIMIT = "http.body-limit";
  public static final String BEARER_TOKEN = "http.bearer-token";
  public static final int DEFAULT_PORT = 8090;
  public static final int DEFAULT_BODY_LIMIT = 1 << 20;
  /** The OpenAPI document of the ingest and operations endpoints, served at /openapi.yaml. */
  public static final String API_DOCUMENT = "openapi/producer-ingest.yaml";

  private static final Logger log = LoggerFactory.getLogger(IngestServer.class);

  private final OpsServer http;
  private final CoachStreamProducer producer;
  private final boolean ownsProducer;
  private final Thread brokerCheck;
  private final AtomicBoolean closed = new AtomicBoolean();

  private IngestServer(OpsServer http, CoachStreamProducer producer, boolean ownsProducer, Thread brokerCheck) {
    this.http = http;
    this.producer = producer;
    this.ownsProducer = ownsProducer;
    this.brokerCheck = brokerCheck;
  }

  /** Starts serving with a producer built from the settings; closing the server closes it. */
  public static IngestServer start(Settings settings) {
    return start(settings, CoachStreamProducer.create(settings), true);
  }

  /** Starts serving on a producer the caller owns (the demo shares one). */
  public static IngestServer start(Settings settings, CoachStreamProducer producer) {
    return start(settings, producer, false);
  }

  private static IngestServer start(Settings settings, CoachStreamProducer producer, boolean ownsProducer) {
    int bodyLimit = settings.intValue(BODY_LIMIT, DEFAULT_BODY_LIMIT);
    if (bodyLimit <= 0) {
      throw new com.coachstream.common.config.ConfigException(BODY_LIMIT + " must be > 0, was " + bodyLimit);
    }
    Authenticator authenticator = SecuritySettings.authenticator(settings,
        Optional.ofNullable(settings.string(BEARER_TOKEN, null)));
    AtomicBoolean brokerReachable = new AtomicBoolean(false);
    PrometheusMeterRegistry registry = OpsServer.newRegistry();
    OpsServer http = OpsServer.start(settings.string(HOST, "0.0.0.0"), settings.intValue(PORT, DEFAULT_PORT), registry,
        () -> true, brokerReachable::get);
    AccessPolicy policy = SecuritySettings.policy(settings);
    http.secure(authenticator, policy);
    http.route("POST", "/v1/events", Operation.SEND_EVENTS,
        IngestHandler.events(producer, bodyLimit, registry, brokerReachable::set));
    http.route("POST", "/v1/actions", Operation.SEND_ACTIONS,
        IngestHandler.actions(producer, bodyLimit, registry, brokerReachable::set, policy));
    if (!authenticator.acceptsAnyone()) {
      log.warn("No caller can sign in: every POST /v1/events and /v1/actions is refused (401) until {}, {} or {} is set",
          BEARER_TOKEN, SecuritySettings.USERS_FILE, SecuritySettings.OIDC_ISSUER);
    }
    http.describedBy(ApiDescription.load(API_DOCUMENT));
    // Readiness: the first successful contact with the broker, checked off the caller's thread.
    Thread brokerCheck = new Thread(() -> {
      try {
        producer.awaitBroker();
        brokerReachable.set(true);
      } catch (RuntimeException e) {
        log.warn("Not ready: {}", e.getMessage());
      }
    }, "ingest-broker-check");
    brokerCheck.setDaemon(true);
    brokerCheck.start();
    log.info("Ingest on http://{}:{}/v1/events (body limit {} bytes; callers with the sender role)",
        settings.string(HOST, "0.0.0.0"), http.port(), bodyLimit);
    return new IngestServer(http, producer, ownsProducer, brokerCheck);
  }

  public int port() {
    return http.port();
  }

  /** The HTTP routes this server answers. */
  public List<Route> routes() {
    return http.routes();
  }

  /** Stops serving, then closes or flushes the producer; a second call does nothing. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    http.close();
    brokerCheck.interrupt();
    // Stopping often happens on an interrupted thread (an embedding launcher interrupts the serving thread), and
    // Kafka's close and flush give up at once there: wait for the last acknowledgements first, then re-interrupt.
    boolean interrupted = Thread.interrupted();
    try {
      if (ownsProducer) {
        producer.close();
      } else {
        producer.flush();
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
