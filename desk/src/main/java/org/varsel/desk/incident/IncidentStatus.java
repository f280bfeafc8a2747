package org.varsel.desk.incident;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an analyst has taken an incident; set by people, never by the pipeline. */
public enum IncidentStatus {
  NEW,
  ACKNOWLEDGED,
  ESCALATED,
  DISMISSED,
  RESOLVED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<IncidentStatus> fromLabel(String label) {
    return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst();
  }
}
