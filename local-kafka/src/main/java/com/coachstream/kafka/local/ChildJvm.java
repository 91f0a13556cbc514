package com.coachstream.kafka.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Java main class running in a child JVM on this JVM's class path: a service or a broker that a test
 * can kill with {@code kill -9} ({@link #kill()}) or stop like an operator would ({@link #stop(Duration)}).
 * Its standard output and error go to a log file, never to a pipe that could fill up and stall it. A child
 * still running when this JVM exits is killed by a shutdown hook, so no test leaves one behind.
 */
public final class ChildJvm implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ChildJvm.class);

  private final String name;
  private final Process process;
  private final Path logFile;
  private final Thread reaper;

  private ChildJvm(String name, Process process, Path logFile) {
    this.name = name;
    this.process = process;
    this.logFile = logFile;
    this.reaper = new Thread(process::destroyForcibly, "kill-" + name);
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /**
   * Starts {@code mainClass} with {@code args}.
   *
   * @param name a short name for logs and the shutdown hook
   * @param jvmOptions options such as {@code -Xmx256m}
   * @param env variables added to this JVM's environment
   * @param logFile where standard output and error are appended
   */
  public static ChildJvm start(String name, String mainClass, List<String> jvmOptions, List<String> args,
      Map<String, String> env, Path logFile) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(args);
    return startCommand(name, command, null, env, logFile);
  }

  /**
   * Starts any Java command line ({@code /path/to/java -jar app.jar ...}) in {@code workDir} (null: this
   * JVM's), for a program with a class path of its own.
   */
  public static ChildJvm startCommand(String name, List<String> command, Path workDir, Map<String, String> env,
      Path logFile) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    if (workDir != null) {
      builder.directory(workDir.toFile());
    }
    builder.environment().putAll(env);
    try {
      Files.createDirectories(logFile.toAbsolutePath().getParent());
      Process process = builder.start();
      log.info("Started {} (pid {}): {}; output in {}", name, process.pid(), command.get(command.size() - 1), logFile);
      return new ChildJvm(name, process, logFile);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start " + name + " (" + String.join(" ", command) + "): " + e.getMessage(), e);
    }
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Path logFile() {
    return logFile;
  }

  /** {@code kill -9}: the child gets no chance to flush, commit or close anything. Waits until it is gone. */
  public void kill() {
    process.destroyForcibly();
    waitFor(Duration.ofSeconds(30));
  }

  /** {@code kill} (SIGTERM): shutdown hooks run, as when an operator stops a service; SIGKILL after {@code grace}. */
  public void stop(Duration grace) {
    process.destroy();
    if (!waitFor(grace)) {
      log.warn("{} (pid {}) did not stop within {}; killing it", name, pid(), grace);
      kill();
    }
  }

  /** The exit code, once the child has exited. */
  public int exitCode() {
    return process.exitValue();
  }

  /** Waits up to {@code timeout} for the child to exit; true when it has. */
  public boolean waitFor(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Kills the child if it still runs. */
  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: nothing left to remove
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")";
  }
}
