package com.coachstream.producer.support;

import static org.awaitility.Awaitility.await;

import com.coachstream.producer.cli.ProduceCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * {@code produce serve} run by picocli in a thread of its own, as a launcher runs it; {@link #stop} interrupts
 * that thread, which is how an embedding process ends it.
 */
public final class ServeInBackground implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");

  private final StringWriter printed = new StringWriter();
  private final AtomicInteger exitCode = new AtomicInteger(-1);
  private final Thread thread;
  private final int port;

  private ServeInBackground(List<String> args) {
    CommandLine command = new CommandLine(new ProduceCommand())
        .setOut(new PrintWriter(printed, true))
        .setErr(new PrintWriter(printed, true));
    thread = new Thread(() -> exitCode.set(command.execute(args.toArray(String[]::new))), "produce-serve");
    thread.start();
    port = Integer.parseInt(await().atMost(Duration.ofSeconds(30))
        .until(() -> LISTENING.matcher(printed.toString()), Matcher::find).group(1));
  }

  /** Starts {@code produce serve} with these arguments (without "serve") and waits until it says its port. */
  public static ServeInBackground start(List<String> args) {
    return new ServeInBackground(args);
  }

  public int port() {
    return port;
  }

  public String printed() {
    return printed.toString();
  }

  /** Interrupts the command, waits until it has returned, and gives its exit code. */
  public int stop() {
    thread.interrupt();
    await().atMost(Duration.ofSeconds(45)).until(() -> !thread.isAlive());
    return exitCode.get();
  }

  @Override
  public void close() {
    if (thread.isAlive()) {
      stop();
    }
  }
}
