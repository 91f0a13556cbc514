package com.coachstream.producer.support;

import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.producer.cli.ProduceCommand;
import com.coachstream.schemas.topics.TopicNames;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code produce ...} in this JVM, as the launcher does, and keeps what it printed. */
public final class Cli {

  /** The exit code and everything printed on the command's out and err. */
  public record Result(int exitCode, String out, String err) {
    public String printed() {
      return out + err;
    }
  }

  private Cli() { }

  public static Result run(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = new CommandLine(new ProduceCommand())
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args.toArray(String[]::new));
    return new Result(exitCode, out.toString(), err.toString());
  }

  /** {@code command} with its arguments, then the broker and this test's topic names. */
  public static List<String> args(KafkaTestBroker broker, TopicNames topics, String... command) {
    List<String> args = new ArrayList<>(Arrays.asList(command));
    args.addAll(List.of("--bootstrap-servers", broker.bootstrapServers()));
    topics.asMap().forEach((key, value) -> args.addAll(List.of("--set", key + "=" + value)));
    return args;
  }
}
