package com.coachstream.common.config;

/**
 * Where a setting's value came from: its layer and, within the layer, exactly where (the file's path, the
 * environment variable's name, the command-line option), so a message can send the operator to the line
 * to fix.
 */
public record Origin(Layer layer, String where) {

  /** The layers of settings, each winning over the one before. */
  public enum Layer {
    DEFAULT("default"), FILE("file"), ENVIRONMENT("environment variable"), OPTION("option");

    private final String label;

    Layer(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public static final Origin DEFAULT = new Origin(Layer.DEFAULT, "");

  public static Origin file(Object path) {
    return new Origin(Layer.FILE, String.valueOf(path));
  }

  public static Origin environment(String variable) {
    return new Origin(Layer.ENVIRONMENT, variable);
  }

  public static Origin option(String option) {
    return new Origin(Layer.OPTION, option);
  }

  /** e.g. {@code option --set}, {@code environment variable COACHSTREAM_SLIP_FLOOR}, {@code default}. */
  @Override
  public String toString() {
    return where.isEmpty() ? layer.label() : layer.label() + " " + where;
  }
}
