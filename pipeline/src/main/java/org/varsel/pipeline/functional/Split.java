package org.varsel.pipeline.functional;

/** Half of every functionality's templates: tune detection on {@code dev}, only report {@code test}. */
public enum Split {
  DEV("dev"),
  TEST("test");

  private final String label;

  Split(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  static Split ofLabel(String label) {
    for (Split s : values()) {
      if (s.label.equals(label)) {
        return s;
      }
    }
    throw new IllegalArgumentException("split is \"dev\" or \"test\", not \"" + label + "\"");
  }
}
