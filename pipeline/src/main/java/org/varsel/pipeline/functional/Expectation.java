package org.varsel.pipeline.functional;

/** What the flagging path should do with a case: flag it, or leave it alone (a non-hateful contrast). */
public enum Expectation {
  FLAG("flag"),
  NOT("not");

  private final String label;

  Expectation(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  static Expectation ofLabel(String label) {
    for (Expectation e : values()) {
      if (e.label.equals(label)) {
        return e;
      }
    }
    throw new IllegalArgumentException("expected is \"flag\" or \"not\", not \"" + label + "\"");
  }
}
