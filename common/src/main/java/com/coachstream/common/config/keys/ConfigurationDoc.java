package com.coachstream.common.config.keys;

import java.util.List;
import java.util.Set;

/**
 * docs/configuration.md, rendered from {@link SettingKeys}; a test fails when the file in the repository
 * differs, so the documentation always lists exactly the settings the services take.
 */
public final class ConfigurationDoc {

  private static final String INTRO = """
      # Configuration

      <!-- Generated from SettingKeys (common/src/main/java/com/coachstream/common/config/keys). Do not edit by
           hand: change the catalogue, then run
           mvn -B -q -pl common -am test -Dtest=ConfigurationDocTest -Dsurefire.failIfNoSpecifiedTests=false -Dconfiguration.doc.write=true -->

      Every service reads its settings in layers, each winning over the one before:
      **defaults → a properties file (`--config FILE`) → environment variables → command-line options**
      (`--set key=value`, `--kafka-property key=value`, `--bootstrap-servers` and each command's own options).

      - An environment variable `COACHSTREAM_<KEY>` sets `<key>`: upper case, dots and dashes as underscores
        (`COACHSTREAM_SLIP_SOFT_MAX_DROP=12` sets `slip.soft.max-drop`). `KAFKA_<PROPERTY>` sets the Kafka client
        setting `kafka.<property>` (`KAFKA_SECURITY_PROTOCOL=SSL`), `KAFKA_BOOTSTRAP_SERVERS` sets `bootstrap.servers`.
      - Not settings, and so ignored: `COACHSTREAM_CONFIG` (the file a container's service reads),
        `COACHSTREAM_LOG_LEVEL` (the log level of CoachStream's own lines), the variables of Kafka's scripts
        (`KAFKA_HEAP_OPTS`, `KAFKA_OPTS`, ...) and Kubernetes' service links for a service named kafka (`KAFKA_PORT...`).
      - A setting the service does not know stops it at start-up (exit code 2) with one line naming the key,
        where it came from and the closest known key, e.g.
        ``coachstream: `slip.flor` (option --set) is not a setting of the streams processor; did you mean `slip.floor`?``.
        A setting of another service is named as such, and `kafka.*` settings are checked against the Kafka
        clients' own settings (for the streams processor also Kafka Streams' own and their prefixed forms,
        `producer.`, `consumer.`, `main.consumer.`, `restore.consumer.`, `global.consumer.`, `admin.`, `topic.`).
      - A wrong value stops the service the same way, naming the key, the value and what is expected.
      - At start-up each service logs its effective configuration: one line per setting with its value and where
        it came from (`default`, `file …`, `environment variable …`, `option …`). Secrets (`http.bearer-token`,
        channel URLs, Kafka passwords, keys and JAAS configurations) show as `[redacted]`.
      - `coachstream config check [--config FILE] [--set key=value …] SERVICE` checks a configuration without
        starting anything and prints the effective configuration (exit code 2 on an error);
        `coachstream config list SERVICE` lists every setting with its default and meaning, as below.
        SERVICE is one of %s.

      In a name, `<name>` stands for any word (`channel.<name>.type` → `channel.mail.type`) and `<soft|hard>` for one
      of the listed words. A channel name with dashes comes back from its variable
      (`COACHSTREAM_CHANNEL_OPS_WEBHOOK_TYPE` sets `channel.ops-webhook.type`), but a team id, skill id or criterion
      name with an underscore, a dash or a dot cannot be told apart in a variable name: set those in the file or
      with `--set`.
      """;

  private ConfigurationDoc() { }

  public static String render() {
    StringBuilder doc = new StringBuilder(INTRO.formatted(String.join(", ",
        List.of(Service.values()).stream().map(s -> "`" + s.id() + "` (" + s.displayName() + ")").toList())));
    section(doc, "Every service", Set.of());
    section(doc, "Streams processor (`coachstream streams`)", Set.of(Service.STREAMS));
    section(doc, "Notifier (`coachstream notify`)", Set.of(Service.NOTIFIER));
    section(doc, "HTTP ingest (`coachstream produce serve`)", Set.of(Service.INGEST));
    section(doc, "Demo's supervisor workspace (`coachstream demo`, port `--workspace-port`, 8088)", Set.of(Service.DEMO));
    section(doc, "Access control (streams processor, notifier and HTTP ingest; see docs/security.md)",
        Set.of(Service.STREAMS, Service.NOTIFIER, Service.INGEST));
    doc.append("""

        `coachstream produce simulate`, `coachstream produce import`, `coachstream topics` and `coachstream consume`
        take the settings every service takes; `coachstream demo` takes those of the streams processor and the
        notifier as well.
        """);
    return doc.toString();
  }

  private static void section(StringBuilder doc, String title, Set<Service> owners) {
    doc.append("\n## ").append(title).append("\n\n| key | default | meaning |\n|---|---|---|\n");
    for (SettingKey key : SettingKeys.all()) {
      if (key.owners().equals(owners)) {
        doc.append("| `").append(key.name().replace("|", "\\|")).append("` | ")
            .append(key.defaultValue().isEmpty() ? "—" : "`" + key.defaultValue() + "`").append(" | ")
            .append(key.meaning().replace("|", "\\|")).append(key.secret() ? " Secret: never printed." : "")
            .append(" |\n");
      }
    }
  }
}
