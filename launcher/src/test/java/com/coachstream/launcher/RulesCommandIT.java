package com.coachstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.RuleSet;
import com.coachstream.common.kafka.RulesTopic;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.schemas.topics.Topics;
import com.coachstream.schemas.topics.Topic;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/** {@code coachstream rules set} and {@code rules get} through the real command line and a real broker. */
@Tag("integration")
@Timeout(120)
@ExtendWith(KafkaBrokerExtension.class)
class RulesCommandIT {

  @Test
  void setWritesTheNextVersionAndGetReadsItBack(KafkaTestBroker broker) {
    String rulesTopic = broker.uniqueName("rules");
    broker.createTopics(Map.of(rulesTopic, 2));
    List<String> common = List.of("--bootstrap-servers", broker.bootstrapServers(), "--set=topic.rules=" + rulesTopic);

    Run first = run(common, "rules", "set", "--team", "team-04", "slip.floor=75", "slip.sustain=2/3", "--by", "qa-lead",
        "--comment", "noisy evaluators");
    assertThat(first.exitCode).isZero();
    assertThat(first.out).contains("team-04@1 written");
    assertThat(run(common, "rules", "set", "--team", "*", "slip.max-drop=8").exitCode).isZero();
    Run second = run(common, "rules", "set", "--team", "team-04", "slip.floor=72", "--by", "qa-lead");
    assertThat(second.out).contains("team-04@2 written");

    Run all = run(common, "rules", "get");
    assertThat(all.exitCode).isZero();
    assertThat(all.out).contains("*@1  by ", "  slip.max-drop=8", "team-04@2  by qa-lead at ", "  slip.floor=72")
        .doesNotContain("slip.sustain");

    Run team = run(common, "rules", "get", "--team", "team-04");
    assertThat(team.out).contains("Rules in force for team-04: team-04@2,*@1")
        .containsPattern("slip\\.floor +72 +team-04@2")
        .containsPattern("slip\\.max-drop +8 +\\*@1")
        .containsPattern("slip\\.min-samples +5 +configuration");

    Topic<String, RuleSet> catalogued = Topics.defaults().rules();
    RuleSet stored = new RulesTopic(broker.clientProperties(), new Topic<>(rulesTopic, catalogued.keySerde(),
        catalogued.valueSerde(), true), Duration.ofSeconds(30)).newest().get("team-04");
    assertThat(stored.getVersion()).isEqualTo(2);
    assertThat(stored.getSettings()).containsExactly(Map.entry("slip.floor", "72"));
    assertThat(stored.getUpdatedBy()).isEqualTo("qa-lead");
  }

  @Test
  void anInvalidSetIsRefusedWithAClearMessageAndWritesNothing(KafkaTestBroker broker) {
    String rulesTopic = broker.uniqueName("rules");
    broker.createTopics(Map.of(rulesTopic, 1));
    List<String> common = List.of("--bootstrap-servers", broker.bootstrapServers(), "--set=topic.rules=" + rulesTopic);

    Run typo = run(common, "rules", "set", "--team", "team-04", "slip.flor=75");
    assertThat(typo.exitCode).isEqualTo(2);
    assertThat(typo.err).contains("coachstream: `slip.flor` (rules of team-04) is not a rule setting; did you mean `slip.floor`?",
        "the rules of team-04 were not changed");
    Run wrong = run(common, "rules", "set", "--team", "team-04", "slip.floor=high");
    assertThat(wrong.exitCode).isEqualTo(2);
    assertThat(wrong.err).contains("slip.floor", "high");

    assertThat(run(common, "rules", "get").out).contains("No rule sets");
  }

  private static Run run(List<String> common, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = CoachStream.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(common);
    int exit = cli.execute(all.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  private record Run(int exitCode, String out, String err) { }
}
