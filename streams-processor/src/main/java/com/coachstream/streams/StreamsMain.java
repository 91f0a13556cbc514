package com.coachstream.streams;

import com.coachstream.common.cli.SettingsErrors;
import com.coachstream.common.kafka.NioBufferCache;
import com.coachstream.streams.cli.StreamsCommand;
import picocli.CommandLine;

/** Runs the streams processor alone (containers): the same options as {@code coachstream streams}. */
public final class StreamsMain {

  private StreamsMain() { }

  public static void main(String[] args) {
    NioBufferCache.limit(); // before any socket is read
    System.exit(SettingsErrors.reported(new CommandLine(new StreamsCommand())).execute(args));
  }
}
