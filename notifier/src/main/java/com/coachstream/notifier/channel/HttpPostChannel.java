package com.coachstream.notifier.channel;

import com.coachstream.notifier.EnrichedAlert;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * A JSON POST to a URL: the webhook, Slack and Teams channels differ only in the body they render. Every
 * request carries {@code X-CoachStream-Alert-Id} so a receiver can drop the rare duplicate (see the
 * once-only guarantee); with a secret, the body is signed ({@link Signature}).
 */
public final class HttpPostChannel implements NotificationChannel {

  public static final String ALERT_ID_HEADER = "X-CoachStream-Alert-Id";
  /** On the one reminder of an alert, which carries the alert's id: a receiver keys duplicates on both. */
  public static final String REMINDER_HEADER = "X-CoachStream-Reminder";

  private final String type;
  private final URI url;
  private final Duration timeout;
  private final Function<EnrichedAlert, byte[]> body;
  private final byte[] secret;
  private final HttpClient client;
  private final Clock clock;

  /** {@code secret} may be null: no signature header then. */
  public HttpPostChannel(String type, URI url, Duration timeout, Function<EnrichedAlert, byte[]> body, byte[] secret) {
    this.type = type;
    this.url = url;
    this.timeout = timeout;
    this.body = body;
    this.secret = secret == null ? null : secret.clone();
    this.clock = Clock.systemUTC();
    this.client = HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public String redactedTarget() {
    return Redaction.target(url);
  }

  @Override
  public Integer send(EnrichedAlert alert) {
    byte[] payload = body.apply(alert);
    HttpRequest.Builder request = HttpRequest.newBuilder(url)
        .timeout(timeout)
        .header("Content-Type", "application/json; charset=utf-8")
        .header(ALERT_ID_HEADER, alert.alertId())
        .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
    if (alert.reminder()) {
      request.header(REMINDER_HEADER, "true");
    }
    if (secret != null) {
      request.header(Signature.HEADER, Signature.sign(secret, payload));
    }
    HttpResponse<Void> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
    } catch (HttpTimeoutException e) {
      throw DeliveryException.transientFailure("timed out after " + timeout.toMillis() + " ms");
    } catch (IOException e) {
      // The exception text can name the URL; keep only its kind.
      throw DeliveryException.transientFailure("I/O error: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DeliveryException.transientFailure("interrupted");
    }
    DeliveryException failure = HttpResponsePolicy.failureFor(response.statusCode(),
        response.headers().firstValue("Retry-After"), clock.instant());
    if (failure != null) {
      throw failure;
    }
    return response.statusCode();
  }
}
