package org.varsel.pipeline.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** Traffic Light Protocol 2.0 marking: who may see a rule and its hits. */
public enum Tlp {
  CLEAR("CLEAR"),
  GREEN("GREEN"),
  AMBER("AMBER"),
  AMBER_STRICT("AMBER+STRICT"),
  RED("RED");

  private final String label;

  Tlp(String label) {
    this.label = label;
  }

  @JsonValue
  public String label() {
    return label;
  }

  /** Parses {@code CLEAR}, {@code GREEN}, {@code AMBER}, {@code AMBER+STRICT} or {@code RED}. */
  public static Optional<Tlp> ofLabel(String label) {
    for (Tlp t : values()) {
      if (t.label.equals(label)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  @JsonCreator
  static Tlp fromJson(String label) {
    return ofLabel(label).orElseThrow(() -> new IllegalArgumentException("unknown TLP: " + label));
  }
}
