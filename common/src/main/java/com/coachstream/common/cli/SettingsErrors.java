package com.coachstream.common.cli;

import com.coachstream.common.config.ConfigException;
import picocli.CommandLine;

/**
 * How every {@code coachstream} entry point reports a wrong setting: one line per problem on standard
 * error, {@code coachstream: } in front, no stack trace, exit code 2 (a usage error).
 */
public final class SettingsErrors {

  public static final int EXIT_CODE = 2;

  private SettingsErrors() { }

  /** {@code cli} with the handler installed, for {@code System.exit(SettingsErrors.reported(cli).execute(args))}. */
  public static CommandLine reported(CommandLine cli) {
    cli.setExecutionExceptionHandler((e, command, parsed) -> {
      if (e instanceof ConfigException || e instanceof IllegalStateException || e instanceof IllegalArgumentException) {
        for (String line : String.valueOf(e.getMessage()).split("\\R")) {
          command.getErr().println(command.getColorScheme().errorText("coachstream: " + line));
        }
        return EXIT_CODE;
      }
      throw e;
    });
    return cli;
  }
}
