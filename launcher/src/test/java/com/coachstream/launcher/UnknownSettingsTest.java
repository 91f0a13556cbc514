package com.coachstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.common.config.Settings;
import com.coachstream.common.config.keys.Service;
import com.coachstream.common.config.keys.SettingKeys;
import com.coachstream.common.config.keys.SettingsCheck;
import com.coachstream.notifier.NotifierSettings;
import com.coachstream.notifier.channel.ChannelFactory;
import com.coachstream.notifier.delivery.RetrySettings;
import com.coachstream.producer.http.IngestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every command refuses a setting it does not know before it starts anything (no broker here: a command
 * that got past the check would fail differently), and the services' own defaults are the catalogue's.
 */
class UnknownSettingsTest {

  private static final String SLIP_FLOR = "`slip.flor` (option --set) is not a setting of %s; did you mean `slip.floor`?";

  @Test
  void theStreamsProcessorRefusesAMisspeltSetting() {
    LauncherRun run = LauncherRun.of("streams", "--set", "slip.flor=75");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("coachstream: " + SLIP_FLOR.formatted("the streams processor") + "\n");
  }

  @Test
  void theNotifierNamesASettingOfTheStreamsProcessor() {
    LauncherRun run = LauncherRun.of("notify", "--set", "slip.floor=75");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(
        "coachstream: `slip.floor` (option --set) is a setting of the streams processor, not of the notifier\n");
  }

  @Test
  void theProducerCommandsRefuseAMisspeltKafkaProperty() {
    String expected = "coachstream: `linger.mss` (option --kafka-property) is not a Kafka client setting; did you mean `linger.ms`?\n";
    for (String[] command : new String[][] {{"produce", "simulate", "--events", "1"}, {"produce", "import", "events.jsonl"},
        {"produce", "serve", "--port", "0"}, {"topics", "create"}}) {
      String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command),
          java.util.stream.Stream.of("--bootstrap-servers", "127.0.0.1:1", "--kafka-property", "linger.mss=5")).toArray(String[]::new);
      LauncherRun run = LauncherRun.of(args);
      assertThat(run.exitCode()).as(String.join(" ", command)).isEqualTo(2);
      assertThat(run.err()).as(String.join(" ", command)).isEqualTo(expected);
    }
  }

  @Test
  void theDemoRefusesAMisspeltSettingBeforeStartingItsBroker() {
    LauncherRun run = LauncherRun.of("demo", "--set", "slip.flor=75", "--max-duration", "1s");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("coachstream: " + SLIP_FLOR.formatted("the demo") + "\n");
  }

  @Test
  void theDemosOwnDefaultsAreSettingsOfItsServices() {
    Settings streams = Settings.of(DemoServices.streamsDefaults("localhost:9092", Path.of("/tmp/state"), 8080));
    Settings notifier = Settings.of(DemoServices.notifierDefaults("localhost:9092", 8081));
    assertThat(SettingsCheck.problems(streams, Service.STREAMS)).isEmpty();
    assertThat(SettingsCheck.problems(notifier, Service.NOTIFIER)).isEmpty();
  }

  @Test
  void theServicesDefaultsAreTheCatalogues() {
    Map<String, String> notifier = SettingKeys.defaults(Service.NOTIFIER);
    assertThat(notifier).containsEntry(NotifierSettings.DEFAULT_ROUTES, NotifierSettings.DEFAULT_ROUTES_VALUE)
        .containsEntry(NotifierSettings.GROUP, NotifierSettings.DEFAULT_GROUP)
        .containsEntry(NotifierSettings.HTTP_PORT, String.valueOf(NotifierSettings.DEFAULT_HTTP_PORT))
        .containsEntry(NotifierSettings.MAX_IN_FLIGHT, String.valueOf(NotifierSettings.DEFAULT_MAX_IN_FLIGHT));
    Settings catalogue = Settings.of(notifier);
    assertThat(catalogue.duration(NotifierSettings.DRAIN_TIMEOUT, null)).isEqualTo(NotifierSettings.DEFAULT_DRAIN_TIMEOUT);
    assertThat(catalogue.duration(NotifierSettings.ROSTER_TIMEOUT, null)).isEqualTo(NotifierSettings.DEFAULT_ROSTER_TIMEOUT);
    assertThat(catalogue.duration(NotifierSettings.LEDGER_TIMEOUT, null)).isEqualTo(NotifierSettings.DEFAULT_LEDGER_TIMEOUT);
    assertThat(RetrySettings.from(catalogue)).isEqualTo(RetrySettings.DEFAULTS);
    assertThat(SettingKeys.all()).anySatisfy(key -> {
      assertThat(key.name()).isEqualTo("channel.<name>.timeout");
      assertThat(Settings.parseDuration(key.name(), key.defaultValue())).isEqualTo(ChannelFactory.DEFAULT_TIMEOUT);
    });
    assertThat(SettingKeys.all()).anySatisfy(key -> {
      assertThat(key.name()).isEqualTo("channel.<name>.threads");
      assertThat(key.defaultValue()).isEqualTo(String.valueOf(NotifierSettings.DEFAULT_ROUTE_THREADS));
    });
    assertThat(SettingKeys.defaults(Service.INGEST)).containsEntry(IngestServer.PORT, String.valueOf(IngestServer.DEFAULT_PORT))
        .containsEntry(IngestServer.BODY_LIMIT, String.valueOf(IngestServer.DEFAULT_BODY_LIMIT))
        .containsKey(IngestServer.BEARER_TOKEN);
  }
}
