package com.coachstream.common.config.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.common.config.Settings;
import com.coachstream.common.config.SettingsLoader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsCheckTest {

  private static Settings options(Map<String, String> values) {
    return new SettingsLoader().option("--set", values).build();
  }

  @Test
  void everyServiceTakesAnInstanceOfEachOfItsSettings() {
    for (Service service : Service.values()) {
      Map<String, String> all = new LinkedHashMap<>();
      for (SettingKey key : SettingKeys.of(service)) {
        all.put(key.closestInstance(key.name().replace("<", "x").replace(">", "")
            .replace("xsoft|hard", "soft").replace("xproperty", "client.id")), "1");
      }
      assertThat(SettingsCheck.problems(options(all), service)).as(service.id()).isEmpty();
    }
  }

  @Test
  void patternSettingsTakeAnyNameInTheirPlaceholders() {
    Settings settings = options(Map.of("channel.ops-hook.url-env", "HOOK", "channel.ops-hook.type", "webhook",
        "routes.team.team-01", "ops-hook", "channel.mail.smtp.password-file", "/run/secrets/smtp"));
    assertThat(SettingsCheck.problems(settings, Service.NOTIFIER)).isEmpty();
    assertThat(SettingsCheck.problems(options(Map.of("channel.mail.smtp.hots", "x")), Service.NOTIFIER))
        .containsExactly("`channel.mail.smtp.hots` (option --set) is not a setting of the notifier; "
            + "did you mean `channel.mail.smtp.host`?");
    assertThat(SettingsCheck.problems(options(Map.of("slip.soft.flor", "75", "taxonomy.skill.upselling", "HARD")), Service.STREAMS))
        .containsExactly("`slip.soft.flor` (option --set) is not a setting of the streams processor; did you mean `slip.soft.floor`?");
  }

  @Test
  void kafkaStreamsSettingsAndTheirPrefixedFormsAreTakenByTheStreamsProcessorOnly() {
    Settings settings = options(Map.of("kafka.processing.guarantee", "exactly_once_v2",
        "kafka.producer.linger.ms", "5", "kafka.main.consumer.max.poll.records", "100",
        "kafka.topic.segment.bytes", "1048576", "kafka.client.tag.zone", "eu-1", "kafka.security.protocol", "SSL"));
    assertThat(SettingsCheck.problems(settings, Service.STREAMS)).isEmpty();
    assertThat(SettingsCheck.problems(options(Map.of("kafka.processing.guarantee", "exactly_once_v2")), Service.NOTIFIER))
        .containsExactly("`kafka.processing.guarantee` (option --set) is a Kafka Streams setting, of use to the streams "
            + "processor only, not to the notifier");
    assertThat(SettingsCheck.problems(options(Map.of("kafka.main.consumer.max.poll.recrods", "1")), Service.STREAMS))
        .containsExactly("`kafka.main.consumer.max.poll.recrods` (option --set) is not a Kafka client setting; "
            + "did you mean `kafka.main.consumer.max.poll.records`?");
  }

  @Test
  void aSharedNameIsASettingOfEachServiceThatReadsIt() {
    assertThat(SettingsCheck.problems(options(Map.of("http.port", "0")), Service.PRODUCER)).containsExactly(
        "`http.port` (option --set) is a setting of the streams processor, the notifier and the HTTP ingest (produce serve), "
            + "not of the producer (produce simulate, produce import)");
    assertThat(SettingsCheck.problems(options(Map.of("http.bearer-token", "t")), Service.STREAMS)).containsExactly(
        "`http.bearer-token` (option --set) is a setting of the HTTP ingest (produce serve), not of the streams processor");
  }

  @Test
  void theDemoTakesTheSettingsOfTheStreamsProcessorAndTheNotifier() {
    Settings settings = options(Map.of("slip.floor", "75", "routes.default", "log", "kafka.num.stream.threads", "2"));
    assertThat(SettingsCheck.problems(settings, Service.DEMO)).isEmpty();
    assertThat(SettingsCheck.problems(options(Map.of("http.body-limit", "1")), Service.DEMO)).hasSize(1);
  }

  @Test
  void kafkaSecretsAreKnownByTheClientsOwnTypesAndByName() {
    assertThat(KafkaClientKeys.isSecret("sasl.jaas.config")).isTrue();
    assertThat(KafkaClientKeys.isSecret("ssl.key.password")).isTrue();
    assertThat(KafkaClientKeys.isSecret("ssl.keystore.key")).isTrue();
    assertThat(KafkaClientKeys.isSecret("producer.ssl.truststore.password")).isTrue();
    assertThat(KafkaClientKeys.isSecret("sasl.oauthbearer.client.credentials.client.secret")).isTrue();
    assertThat(KafkaClientKeys.isSecret("ssl.truststore.location")).isFalse();
    assertThat(KafkaClientKeys.isSecret("security.protocol")).isFalse();
  }
}
