package com.coachstream.benchmarks.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one harness invocation measured: the machine, then sections (one per benchmark) with their settings,
 * the load on the machine before and after, and figures. Printed as a table and written as JSON.
 */
public final class Report {

  private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final String command;
  private final String label;
  private final Instant started = Instant.now();
  private final Machine machine = Machine.describe();
  private final List<Section> sections = new ArrayList<>();

  public Report(String command, String label) {
    this.command = command;
    this.label = label;
  }

  /** One measured figure; {@code target} is the goal it is compared with (reported, never asserted). */
  public record Figure(String name, double value, String unit, String target, String note) { }

  /** One benchmark's settings, machine load and figures. */
  public static final class Section {
    private final String name;
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private final List<Double> loadBefore = Machine.loadAverage();
    private List<Double> loadAfter = List.of();
    private final List<Figure> figures = new ArrayList<>();

    Section(String name) {
      this.name = name;
    }

    public Section setting(String key, Object value) {
      settings.put(key, value);
      return this;
    }

    public Section figure(String figure, double value, String unit) {
      return figure(figure, value, unit, "", "");
    }

    public Section figure(String figure, double value, String unit, String target, String note) {
      figures.add(new Figure(figure, value, unit, target, note));
      progress(String.format(Locale.ROOT, "%s: %s %s %s", figure, format(value), unit, note));
      loadAfter = Machine.loadAverage();
      return this;
    }

    public String getName() {
      return name;
    }

    public Map<String, Object> getSettings() {
      return settings;
    }

    public List<Double> getLoadBefore() {
      return loadBefore;
    }

    public List<Double> getLoadAfter() {
      return loadAfter;
    }

    public List<Figure> getFigures() {
      return figures;
    }
  }

  /** A line on the console while the harness runs: the table comes at the end. */
  public static void progress(String message) {
    System.out.printf(Locale.ROOT, "%tT  %s%n", System.currentTimeMillis(), message);
  }

  public Section section(String name) {
    progress("== " + name);
    Section section = new Section(name);
    sections.add(section);
    return section;
  }

  public String getCommand() {
    return command;
  }

  public String getLabel() {
    return label;
  }

  public String getStarted() {
    return started.toString();
  }

  public Machine getMachine() {
    return machine;
  }

  public List<Section> getSections() {
    return sections;
  }

  /** The figures as a table, one block per section. */
  public void print(PrintStream out) {
    out.printf(Locale.ROOT, "%nCoachStream benchmarks: %s%s, %s%n", command, label.isEmpty() ? "" : " (" + label + ")", started);
    out.printf(Locale.ROOT, "machine: %d cores, %.1f GiB, %s; %s; JVM %s, max heap %d MiB%n", machine.cores(),
        machine.memoryBytes() / (double) (1L << 30), machine.cpu(), machine.os(), machine.jvm(), machine.maxHeapBytes() >> 20);
    for (Section section : sections) {
      out.printf(Locale.ROOT, "%n== %s   (load before %s, after %s)%n", section.name, section.loadBefore, section.loadAfter);
      section.settings.forEach((k, v) -> out.printf(Locale.ROOT, "   %s = %s%n", k, v));
      out.printf(Locale.ROOT, "   %-62s %14s  %-10s %-18s %s%n", "figure", "value", "unit", "target", "note");
      for (Figure f : section.figures) {
        out.printf(Locale.ROOT, "   %-62s %14s  %-10s %-18s %s%n", f.name(), format(f.value()), f.unit(), f.target(), f.note());
      }
    }
    out.println();
  }

  /** Writes {@code <dir>/<command>-<utc time>.json} and returns its path. */
  public Path write(Path dir) {
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve(command + "-" + FILE_TIME.format(started) + ".json");
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      json.writeValue(file.toFile(), this);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the results to " + dir, e);
    }
  }

  static String format(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    if (Math.abs(value) >= 100 || value == Math.rint(value)) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    return String.format(Locale.ROOT, "%,.3f", value);
  }
}
