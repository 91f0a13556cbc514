package com.coachstream.common.config.keys;

import static com.coachstream.common.config.keys.Service.INGEST;
import static com.coachstream.common.config.keys.Service.NOTIFIER;
import static com.coachstream.common.config.keys.Service.STREAMS;

import com.coachstream.avro.SkillCategory;
import com.coachstream.schemas.topics.TopicNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every CoachStream setting, once: the services refuse any other, {@code coachstream config list} prints
 * them and docs/configuration.md is generated from them, so the three cannot drift apart.
 */
public final class SettingKeys {

  /** The prefix of Kafka client settings passed through ({@code kafka.linger.ms} is {@code linger.ms}). */
  public static final String KAFKA_PREFIX = "kafka.";

  private static final String CATEGORY = Arrays.stream(SkillCategory.values())
      .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining("|", "<", ">"));

  private static final List<SettingKey> ALL = catalogue();

  private SettingKeys() { }

  public static List<SettingKey> all() {
    return ALL;
  }

  /** The settings one service takes, in catalogue order. */
  public static List<SettingKey> of(Service service) {
    return ALL.stream().filter(service::accepts).toList();
  }

  /** The setting of {@code service} that {@code key} is an instance of. */
  public static Optional<SettingKey> find(Service service, String key) {
    return ALL.stream().filter(service::accepts).filter(k -> k.matches(key)).findFirst();
  }

  /** The services (other than the shared settings) that read {@code key}. */
  public static Set<Service> ownersOf(String key) {
    return ALL.stream().filter(k -> k.matches(key)).flatMap(k -> k.owners().stream())
        .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(Service.class)));
  }

  /**
   * The defaults of the settings only {@code service} reads (not the shared ones), as the first layer of
   * its settings; {@code ${java.io.tmpdir}} stands for this machine's temporary directory.
   */
  public static Map<String, String> defaults(Service service) {
    Map<String, String> defaults = new LinkedHashMap<>();
    for (SettingKey key : ALL) {
      if (key.owners().contains(service) && !key.isPattern()) {
        defaults.put(key.name(), resolve(key.defaultValue()));
      }
    }
    return Map.copyOf(defaults);
  }

  static String resolve(String value) {
    return value.replace("${java.io.tmpdir}", System.getProperty("java.io.tmpdir").replaceAll("/+$", ""));
  }

  private static List<SettingKey> catalogue() {
    List<SettingKey> keys = new ArrayList<>();
    Catalogue all = new Catalogue(keys, Set.of());
    all.add("bootstrap.servers", "localhost:9092", "Kafka bootstrap servers; also `--bootstrap-servers` or `KAFKA_BOOTSTRAP_SERVERS`.");
    all.add(KAFKA_PREFIX + "<property>", "", "Any Kafka client setting, passed to every Kafka client of the service (SASL, SSL, "
        + "timeouts); also `--kafka-property <property>=<value>` or `KAFKA_<PROPERTY>`. Checked against the Kafka "
        + "clients' own settings; passwords, keys and JAAS configurations are never printed.");
    TopicNames.DEFAULTS.asMap().forEach((key, name) -> all.add(key, name, "Name of the topic `" + name + "`."));
    all.add("wire.format", "single-object", "How Avro records are written on every topic: `single-object` (Avro's "
        + "single-object encoding, no registry) or `registry` (the Confluent layout: a zero byte, the 4-byte schema id, "
        + "the body; needs `schema.registry.url`). Readers take both whenever a registry is set (docs/data-teams.md).");
    all.add("schema.registry.url", "", "Confluent-compatible API of the schema registry, e.g. "
        + "`http://registry:8080/apis/ccompat/v7` for Apicurio. Subjects are `<topic>-value` and `<topic>-key`; "
        + "CoachStream sets BACKWARD compatibility on those it registers.");
    all.secret("schema.registry.basic.auth.user-info", "HTTP basic credentials for the registry, `user:password`.");
    all.secret("schema.registry.bearer.token", "Bearer token for the registry (used when no basic credentials are set).");
    all.add("schema.registry.ssl.truststore.location", "", "Trust store for an https registry whose certificate the JVM does not trust.");
    all.secret("schema.registry.ssl.truststore.password", "Password of the registry trust store.");
    all.add("schema.registry.ssl.truststore.type", "PKCS12", "Type of the registry trust store (`PKCS12` or `JKS`).");

    Catalogue streams = new Catalogue(keys, Set.of(STREAMS));
    streams.add("application-id", "coachstream-streams", "Kafka Streams application id; instances sharing it share the partitions. Also `--application-id`.");
    streams.add("window.size", "7d", "Length of the rolling windows, aligned to the UTC epoch; a whole multiple of `window.advance`.");
    streams.add("window.advance", "1d", "How far each window starts after the one before.");
    streams.add("window.grace", "48h", "How far an observation may be behind the newest event of its own source (interactions or QA evaluations) for that agent and still count; further behind, it is late.");
    streams.add("baseline.size", "28d", "The baseline period right before each window; a multiple of `window.advance`.");
    streams.add("slip.floor", "70", "A window score below this floor (0-100) is a slip.");
    streams.add("slip.max-drop", "10", "A window score this many points below the baseline is a slip.");
    streams.add("slip.min-samples", "5", "Samples (distinct source events: evaluations and interactions) of the category a window needs before it can raise an alert.");
    streams.add("slip.min-baseline-samples", "10", "Samples (distinct source events) of the category the baseline needs before a drop against it counts.");
    streams.add("slip.hysteresis", "3", "Points a slipping score must climb back above the floor (and the baseline drop) before a recovery alert.");
    streams.add("slip.cooldown", "24h", "Least event time between two slip alerts of one agent and category.");
    for (String rule : List.of("floor", "max-drop", "min-samples", "min-baseline-samples", "hysteresis", "cooldown")) {
      streams.add("slip." + CATEGORY + "." + rule, "", "`slip." + rule + "` for one skill category only.");
    }
    streams.add("slip.sustain", "1/1", "`X/Y`: a slip alert only when the slip condition held in X of the agent's last Y windows (Y at most 64); 1/1 alerts on the latest window alone.");
    streams.add("slip.team-percentile", "0", "Team-relative rule: a slip alert also when the agent's category score is below this percentile (1-99) of their team's members in the same window, in X of the last Y windows of `slip.sustain`; 0 turns it off. Works in both alert modes; see docs/concepts.md.");
    streams.add("slip.team-min-size", "5", "Team-relative rule: members with a score (at least `slip.min-samples` samples) a team needs in the window before the rule applies to it; at least 2.");
    streams.add("alert.mode", "threshold", "How SLIP and RECOVERY are decided: `threshold` (the fixed rules above, exact) or `statistical` (by the probability that the agent's true score is slipping, accounting for the window's noise; see docs/concepts.md).");
    streams.add("slip.confidence", "0.95", "Statistical mode: the probability (above 0.5, below 1) that the true score is slipping (or, for a recovery, back) before an alert; also the coverage of the interval alerts show.");
    streams.add("slip.true-drop", "6", "Statistical mode: points the agent's true score must be below their true baseline for a drop (in place of `slip.max-drop`, which applies to the noisy window score of threshold mode).");
    streams.add("slip.sample-sd", "12", "Statistical mode: the spread, in points, assumed for one source event's category score before a window shows its own; weighs like `slip.prior-samples` samples.");
    streams.add("slip.prior-samples", "3", "Statistical mode: how many samples the assumed spread `slip.sample-sd` is worth against a window's own spread.");
    streams.add("slip.drift-sd", "10", "Statistical mode: how far, in points, a window's true score is expected to stray from the agent's baseline; a thin window is shrunk toward the baseline accordingly.");
    streams.add("leniency.prior-evaluations", "3", "Statistical mode: an evaluator's leniency offset (how many points above their peers they score, learned from interactions scored by several evaluators: calibration sessions and double-scored evaluations) is the sum of their deviations over (interactions + this); it is subtracted from their criterion scores. Larger trusts thin evidence less.");
    streams.add("leniency.pairing-retention", "30d", "Statistical mode: how long (event time) the evaluations of an interaction are kept to be paired with other evaluators' evaluations of it.");
    streams.add("taxonomy.skill.<id>", "", "Adds a skill to the taxonomy: `SOFT` or `HARD`.");
    streams.add("taxonomy.alias.<criterion>", "", "Maps a scorecard criterion name to a skill id.");
    streams.add("tips.<skill>", "", "The coaching tip shown in alerts for this skill (each default skill has a built-in tip).");
    streams.add("scores.publish.interval", "10s", "How soon the other windows an event changed are published (the current window within a commit interval), and the days it changed are sent to the agent's team for the coaching effect.");
    streams.add("effect.window", "14d", "Length of the before and after periods of a coaching effect (whole multiples of `window.advance`): the coached agent and the comparison group are measured over the window before the session's day and the window from it.");
    streams.add("alerts.retention", "30d", "How long `/api/alerts` remembers alerts.");
    streams.add("http.host", "0.0.0.0", "Address the HTTP API listens on.");
    streams.add("http.port", "8080", "Port of the HTTP API, `/health`, `/ready` and `/metrics` (0 = any free port). Also `--http-port`.");
    streams.add("http.advertised.host", "", "Host other instances forward queries to (default: `http.host`, or `localhost` when that is `0.0.0.0`).");
    streams.add("metrics.refresh.interval", "60s", "How often Kafka Streams metrics that appeared since the last look (a rule's `rule_alerts_raised` and `rule_false_alarms` once it raised an alert, the metrics of a task that moved here) are added to `/metrics`.");
    streams.add("state.dir", "${java.io.tmpdir}/coachstream-streams", "Directory of the local state stores.");
    streams.add("num.stream.threads", "1", "Kafka Streams threads of this instance.");
    streams.add("num.standby.replicas", "0", "Warm copies of each state store on other instances.");
    streams.add("replication.factor", "-1", "Replication of internal topics (-1 = the broker's default).");
    streams.add("instance.id", "", "A stable name for this instance, unique in its application id (e.g. a StatefulSet pod's name): "
        + "Kafka's static membership, so a restarted instance takes its partitions back at once instead of after the "
        + "dead member's session times out (docs/operations.md). Empty = dynamic membership.");
    streams.add("state.rocksdb.memory.mb", "16", "Off-heap block cache all state stores share, in MiB (each store's memtables are 1/64 of it, at least 512 KiB); at least 8.");
    streams.add("metrics.store-level", "false", "Whether `/metrics` also shows Kafka Streams' per-store and record-cache metrics: about 80 per state store and partition (some 9,000 series with 12 partitions), most of them zero at the default recording level. Off keeps the client, thread, task, processor and topic metrics.");

    Catalogue notifier = new Catalogue(keys, Set.of(NOTIFIER));
    notifier.add("routes.default", "log", "Channels for alerts of any team without its own route (comma list of channel names).");
    notifier.add("routes.team.<teamId>", "", "Channels for one team's alerts; replaces the default routes for that team.");
    notifier.add("notifier.group", "coachstream-notifier", "Consumer group; instances sharing it share the alerts.");
    notifier.add("workspace.public-url", "", "Public URL of the supervisor workspace (e.g. `https://coach.example.com`); Slack, Teams, e-mail and webhook alerts then link to the alert there.");
    notifier.add("http.host", "0.0.0.0", "Address of `/health`, `/ready` and `/metrics`.");
    notifier.add("http.port", "8081", "Port of `/health`, `/ready` and `/metrics` (0 = any free port).");
    notifier.add("delivery.max.inflight", "1000", "Alerts under delivery at once before the notifier stops reading more.");
    notifier.add("delivery.drain.timeout", "60s", "How long a stop or rebalance waits for deliveries under way.");
    notifier.add("roster.timeout", "60s", "How long start-up waits to read the agent roster.");
    notifier.add("ledger.timeout", "60s", "How long start-up waits to read which alerts were already delivered.");
    notifier.add("reminders.after", "48h", "How long after its delivery a SLIP alert no one acknowledged or acted on gets its one reminder, through the same routes (wall-clock time; 0 = no reminders).");
    notifier.add("retry.attempts", "5", "Attempts per alert and route before it goes to the dead-letter topic.");
    notifier.add("retry.backoff.initial", "500ms", "Wait before the first retry; doubles on each retry.");
    notifier.add("retry.backoff.max", "30s", "Longest wait between two attempts.");
    notifier.add("retry.jitter", "0.25", "Random share (0-1) added to or taken from each wait.");
    notifier.add("retry.after.max", "60s", "Longest `Retry-After` honoured on a 429 answer.");
    String channel = "channel.<name>.";
    notifier.add(channel + "type", "", "The channel's kind: `log`, `webhook`, `slack`, `teams` or `email` (a channel named `log` needs nothing else).");
    notifier.secret(channel + "url", "Endpoint of a webhook, Slack or Teams channel; these URLs hold a token, so prefer `url-env` or `url-file`.");
    notifier.add(channel + "url-env", "", "Environment variable holding the endpoint URL.");
    notifier.add(channel + "url-file", "", "File holding the endpoint URL (e.g. a mounted secret).");
    notifier.add(channel + "secret-env", "", "Environment variable holding the webhook's HMAC secret (adds `X-CoachStream-Signature`).");
    notifier.add(channel + "secret-file", "", "File holding the webhook's HMAC secret.");
    notifier.add(channel + "timeout", "10s", "Time limit of one delivery attempt.");
    notifier.add(channel + "threads", "2", "Attempts the route runs at once (alerts waiting for a retry hold no thread).");
    notifier.add(channel + "output", "logger", "Log channel: `logger` (logger `coachstream.alerts`) or `stdout`.");
    notifier.add(channel + "smtp.host", "", "E-mail: the SMTP server.");
    notifier.add(channel + "smtp.port", "", "E-mail: SMTP port (default 587 for `starttls`, 465 for `ssl`, 25 for `none`).");
    notifier.add(channel + "smtp.security", "starttls", "E-mail: `starttls` (required, never falls back to clear text), `ssl` or `none`.");
    notifier.add(channel + "smtp.username", "", "E-mail: SMTP user name.");
    notifier.add(channel + "smtp.password-env", "", "E-mail: environment variable holding the SMTP password.");
    notifier.add(channel + "smtp.password-file", "", "E-mail: file holding the SMTP password.");
    notifier.add(channel + "smtp.trust", "", "E-mail: hosts whose certificate is trusted as it is (a relay with a self-signed certificate).");
    notifier.add(channel + "from", "", "E-mail: sender address.");
    notifier.add(channel + "to", "supervisor", "E-mail: recipients, comma list; `supervisor` is the agent's supervisor from the roster.");

    Catalogue ingest = new Catalogue(keys, Set.of(INGEST));
    ingest.add("http.host", "0.0.0.0", "Address the ingest endpoint listens on.");
    ingest.add("http.port", "8090", "Port of `POST /v1/events`, `/health`, `/ready` and `/metrics` (0 = any free port). Also `--port`.");
    ingest.add("http.body-limit", "1048576", "Largest accepted request body, in bytes. Also `--body-limit`.");
    ingest.secret("http.bearer-token", "A shared token that signs a sending system in as a sender (`Authorization: Bearer <token>`); without it, a users file or OIDC, every post is refused.");
    Catalogue demo = new Catalogue(keys, Set.of(Service.DEMO));
    demo.add("workspace.host", "localhost", "Address the supervisor workspace listens on (docs/workspace.md).");
    demo.add("workspace.secure-cookies", "true", "Whether the workspace's session cookies are `Secure` (browsers send them over HTTPS and to localhost only); false only behind a trusted plain-HTTP proxy.");

    Catalogue security = new Catalogue(keys, Set.of(STREAMS, NOTIFIER, INGEST));
    security.add("security.users-file", "", "JSON users file for a self-hosted start: ids, roles, teams, bcrypt password hashes and sha256 API-token hashes (never plain text); see docs/security.md.");
    security.add("security.oidc.issuer", "", "OpenID Connect issuer whose tokens are accepted (the `iss` claim); empty = no OIDC.");
    security.add("security.oidc.jwks-url", "", "The issuer's JWKS URL (keys that sign its tokens; fetched and cached).");
    security.add("security.oidc.audience", "", "The audience (`aud`) a token must be issued for.");
    security.add("security.oidc.algorithms", "RS256,ES256", "Signature algorithms accepted (asymmetric only; `none` is always refused).");
    security.add("security.oidc.roles-claim", "roles", "Token claim listing the caller's roles (agent, supervisor, qa-manager, admin, sender).");
    security.add("security.oidc.teams-claim", "teams", "Token claim listing the teams a supervisor supervises (added to those of the roster).");
    security.add("security.oidc.agent-claim", "agent_id", "Token claim holding an agent's own agent id.");
    security.secret("security.service-secret", "Shared secret (32 bytes or more) signing the service tokens of queries forwarded between streams instances; empty = a random one per process (a single instance).");
    security.add("security.metrics-open", "true", "Whether `/metrics` is open to anyone (a scraper); false = admin or service callers only.");
    security.add("security.login.max-failures", "5", "Failed password sign-ins per user name or address within `security.login.window` before further tries are refused (429).");
    security.add("security.login.window", "15m", "The period failed sign-ins are counted over.");
    return List.copyOf(keys);
  }

  private record Catalogue(List<SettingKey> keys, Set<Service> owners) {
    void add(String name, String defaultValue, String meaning) {
      keys.add(new SettingKey(name, defaultValue, meaning, owners, false));
    }

    void secret(String name, String meaning) {
      keys.add(new SettingKey(name, "", meaning, owners, true));
    }
  }
}
