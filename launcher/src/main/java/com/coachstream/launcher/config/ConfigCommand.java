package com.coachstream.launcher.config;

import com.coachstream.common.cli.CommonOptions;
import com.coachstream.common.cli.SettingsErrors;
import com.coachstream.common.config.ConfigException;
import com.coachstream.common.config.Settings;
import com.coachstream.common.config.keys.EffectiveConfiguration;
import com.coachstream.common.config.keys.Service;
import com.coachstream.common.config.keys.SettingKey;
import com.coachstream.common.config.keys.SettingKeys;
import com.coachstream.common.config.keys.SettingsCheck;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coachstream config check|list SERVICE}: a configuration checked without starting anything; every setting. */
@Command(name = "config", mixinStandardHelpOptions = true,
    description = "Check a configuration without starting anything, or list every setting of a service.",
    subcommands = {ConfigCommand.Check.class, ConfigCommand.ListKeys.class})
public final class ConfigCommand implements Runnable {

  static final String SERVICES = "streams, notify, produce-serve, produce, tools or demo";

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The SERVICE both subcommands take. */
  static final class ServiceArgument {
    @Parameters(paramLabel = "SERVICE", converter = ServiceName.class, description = "One of: " + SERVICES + ".")
    Service service;
  }

  /** picocli's converter: {@code streams} → {@link Service#STREAMS}. */
  static final class ServiceName implements CommandLine.ITypeConverter<Service> {
    @Override
    public Service convert(String value) {
      return Service.byId(value).orElseThrow(() -> new CommandLine.TypeConversionException(
          "'" + value + "' is not a service: expected " + SERVICES));
    }
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = {"Check a service's settings without starting anything.",
          "Reads the settings the service would start with — the file, the environment and the options —",
          "and prints its effective configuration (secrets redacted)."},
      footer = {"", "Exit codes: 0 the configuration is valid, 2 it is not (one line per problem on standard error)."})
  static final class Check implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Mixin
    ServiceArgument target;

    @Override
    public Integer call() {
      Service service = target.service;
      Settings settings = common.load(Map.of());
      List<String> problems = SettingsCheck.problems(settings, service);
      PrintWriter err = spec.commandLine().getErr();
      if (problems.isEmpty()) {
        try {
          ValueCheck.check(settings, service, System.getenv());
        } catch (ConfigException | IllegalArgumentException e) {
          problems = List.of(String.valueOf(e.getMessage()).split("\\R"));
        }
      }
      if (!problems.isEmpty()) {
        problems.forEach(problem -> err.println("coachstream: " + problem));
        return SettingsErrors.EXIT_CODE;
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf("Configuration of %s is valid. Effective configuration:%n", service.displayName());
      EffectiveConfiguration.lines(settings, service).forEach(line -> out.println("  " + line));
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List every setting of a service with its default and meaning (as in docs/configuration.md).")
  static final class ListKeys implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServiceArgument target;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      out.printf("Settings of %s (default in brackets):%n", target.service.displayName());
      for (SettingKey key : SettingKeys.of(target.service)) {
        out.printf("%n  %s%s%s%n      %s%n", key.name(), key.defaultValue().isEmpty() ? "" : " [" + key.defaultValue() + "]",
            key.secret() ? " (secret)" : "", key.meaning());
      }
      return 0;
    }
  }
}
