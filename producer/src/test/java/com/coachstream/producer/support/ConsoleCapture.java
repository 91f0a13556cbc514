package com.coachstream.producer.support;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What is written to {@code System.out} and {@code System.err} while it is open (progress lines, anything a
 * library prints), still passed on to the real console.
 */
public final class ConsoleCapture implements AutoCloseable {

  private final PrintStream out = System.out;
  private final PrintStream err = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  private ConsoleCapture() {
    System.setOut(new PrintStream(new Tee(out), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Tee(err), true, StandardCharsets.UTF_8));
  }

  public static ConsoleCapture start() {
    return new ConsoleCapture();
  }

  public String text() {
    synchronized (captured) {
      return captured.toString(StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    System.setOut(out);
    System.setErr(err);
  }

  private final class Tee extends OutputStream {
    private final PrintStream console;

    Tee(PrintStream console) {
      this.console = console;
    }

    @Override
    public void write(int b) {
      synchronized (captured) {
        captured.write(b);
      }
      console.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      synchronized (captured) {
        captured.write(bytes, offset, length);
      }
      console.write(bytes, offset, length);
    }
  }
}
