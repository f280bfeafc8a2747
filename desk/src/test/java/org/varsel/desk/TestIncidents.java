package org.varsel.desk;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Tier;
import org.varsel.contract.Tlp;

/** Valid incident.v1 updates for tests, with ids no other test uses. */
final class TestIncidents {
  private static final Instant FIRST_SEEN = Instant.parse("2025-03-01T10:00:00Z");

  private TestIncidents() {}

  static String newId() {
    return "inc-" + UUID.randomUUID();
  }

  static Incident incident(String id, long version, List<String> sources) {
    return incident(id, version, sources, Tier.MEDIUM, 50, FIRST_SEEN.plusSeconds(version * 60));
  }

  static Incident incident(String id, long version, List<String> sources, Tier tier, int severity, Instant lastSeen) {
    return new Incident(Incident.SCHEMA, id, version, IncidentKind.CO_LINK, "Same link pushed by many accounts v" + version,
        FIRST_SEEN, lastSeen, lastSeen, (int) version + 1, 3, sources, List.of("x"), List.of("da"),
        List.of("dehumanisation"), List.of("T0049"), List.of("#tag"), List.of("https://example.org/a"), List.of(),
        List.of(), List.of(), List.of(), null, new Incident.Evidence(List.of(), List.of("acct1"), List.of(), Map.of()), severity, tier,
        Tlp.AMBER, "five accounts shared one link within a minute");
  }
}
