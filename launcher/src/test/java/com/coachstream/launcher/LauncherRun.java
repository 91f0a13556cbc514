package com.coachstream.launcher;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the {@code coachstream} command line in this JVM, with what it printed. */
public record LauncherRun(int exitCode, String out, String err) {

  public static LauncherRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cli = CoachStream.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new LauncherRun(exit, out.toString(), err.toString());
  }
}
