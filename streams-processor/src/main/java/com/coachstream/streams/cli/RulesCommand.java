package com.coachstream.streams.cli;

import com.coachstream.avro.RuleSet;
import com.coachstream.common.cli.CommonOptions;
import com.coachstream.common.cli.SettingsErrors;
import com.coachstream.common.config.KafkaSettings;
import com.coachstream.common.config.Settings;
import com.coachstream.common.config.keys.RuleSettingKeys;
import com.coachstream.common.config.keys.Service;
import com.coachstream.common.config.keys.SettingsCheck;
import com.coachstream.common.kafka.RulesTopic;
import com.coachstream.streams.rules.RuleBook;
import com.coachstream.streams.rules.RuleVersion;
import com.coachstream.streams.rules.RulesView;
import com.coachstream.streams.topology.RuleSets;
import com.coachstream.streams.topology.StreamsSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coachstream rules get|set}: the slip rules per team on the rules topic (docs/concepts.md, rules per team). */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Show and change the slip rules per team.",
    subcommands = {RulesCommand.Get.class, RulesCommand.Set.class})
public final class RulesCommand {

  /** The rules topic could not be read or written. */
  static final int UNAVAILABLE = 3;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** The streams processor's settings (its configuration is the lowest layer of the rules), checked, not logged. */
  static Settings settings(CommonOptions common) {
    Settings settings = common.load(StreamsSettings.DEFAULTS);
    SettingsCheck.validate(settings, Service.STREAMS);
    return settings;
  }

  static RulesTopic topic(Settings settings) {
    return new RulesTopic(KafkaSettings.clientProperties(settings), KafkaSettings.topics(settings).rules(), TIMEOUT);
  }

  @Command(name = "get", mixinStandardHelpOptions = true,
      description = "Print the rule sets and their versions, or with --team the rules in force for one team and where each comes from.")
  static final class Get implements Callable<Integer> {

    @Mixin CommonOptions common;

    @Option(names = "--team", paramLabel = "TEAM", description = "The team (or * for every team without its own rules).")
    String team;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Settings settings = settings(common);
      Map<String, RuleSet> newest;
      try {
        newest = topic(settings).newest();
      } catch (IllegalStateException e) {
        spec.commandLine().getErr().println("coachstream: " + e.getMessage());
        return UNAVAILABLE;
      }
      if (team == null) {
        if (newest.isEmpty()) {
          out.println("No rule sets: the configuration's rules apply to every team.");
        }
        newest.values().forEach(rules -> {
          out.printf("%s  by %s at %s%s%n", RuleSets.toVersion(rules).label(), rules.getUpdatedBy(), rules.getUpdatedAt(),
              rules.getComment() == null ? "" : "  (" + rules.getComment() + ")");
          new java.util.TreeMap<>(rules.getSettings()).forEach((k, v) -> out.printf("  %s=%s%n", k, v));
        });
      } else {
        RuleVersion own = version(newest.get(team));
        RuleVersion every = RuleSettingKeys.EVERY_TEAM.equals(team) ? null : version(newest.get(RuleSettingKeys.EVERY_TEAM));
        out.printf("Rules in force for %s: %s%n", team, new RuleBook(settings, StreamsSettings::slipPolicy)
            .effective(team, own, every).name());
        for (RulesView.Line line : RulesView.lines(own, every, settings.asMap(), StreamsSettings.DEFAULTS)) {
          out.printf("  %-28s %-8s %s%n", line.key(), line.value(), line.source());
        }
      }
      out.flush();
      return 0;
    }
  }

  private static RuleVersion version(RuleSet rules) {
    return rules == null ? null : RuleSets.toVersion(rules);
  }

  @Command(name = "set", mixinStandardHelpOptions = true,
      description = "Write the next version of a team's rules: the settings given replace the team's rule set whole.")
  static final class Set implements Callable<Integer> {

    @Mixin CommonOptions common;

    @Option(names = "--team", required = true, paramLabel = "TEAM", description = "The team, or * for every team without its own rules.")
    String team;

    @Parameters(paramLabel = "KEY=VALUE", arity = "0..*",
        description = "Rule settings as in docs/configuration.md, e.g. slip.floor=75 slip.sustain=2/3 (none: the team keeps no settings of its own).")
    Map<String, String> values = new LinkedHashMap<>();

    @Option(names = "--comment", paramLabel = "TEXT", description = "Why the rules change.")
    String comment;

    @Option(names = "--by", paramLabel = "NAME", description = "Who changes them (default: $USER).")
    String by;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Settings settings = settings(common);
      List<String> problems = new RuleBook(settings, StreamsSettings::slipPolicy).problems(team, values);
      if (!problems.isEmpty()) {
        problems.forEach(p -> spec.commandLine().getErr().println("coachstream: " + p));
        spec.commandLine().getErr().println("coachstream: the rules of " + team + " were not changed");
        return SettingsErrors.EXIT_CODE;
      }
      RulesTopic topic = topic(settings);
      RuleSet written;
      try {
        RuleSet current = topic.newest().get(team);
        written = RuleSet.newBuilder().setTeamId(team).setVersion(current == null ? 1 : current.getVersion() + 1)
            .setSettings(new java.util.HashMap<>(values))
            .setUpdatedBy(by != null ? by : System.getProperty("user.name", "coachstream"))
            .setUpdatedAt(Instant.now()).setComment(comment).build();
        topic.write(written);
      } catch (IllegalStateException e) {
        spec.commandLine().getErr().println("coachstream: " + e.getMessage());
        return UNAVAILABLE;
      }
      out.printf("%s written; the streams processor applies it from the next event%n", RuleSets.toVersion(written).label());
      out.flush();
      return 0;
    }
  }
}
