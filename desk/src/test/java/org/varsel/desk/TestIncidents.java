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

  /**
   * An early warning against migrants: 16 weeks from {@code firstWeek} (a Monday), a baseline near 10 and a rise whose
   * last three weeks (19, 22, 24) are raised above 17.5; first seen when the rise starts, last seen three weeks later.
   */
  static Incident earlyWarning(String id, String title, Instant firstWeek) {
    int[] counts = {9, 11, 10, 12, 8, 10, 11, 9, 10, 10, 12, 14, 17, 19, 22, 24};
    List<Incident.TrendPoint> series = new java.util.ArrayList<>();
    for (int w = 0; w < counts.length; w++) {
      series.add(new Incident.TrendPoint(firstWeek.plus(java.time.Duration.ofDays(7L * w)), counts[w], 10.2, 17.5));
    }
    Instant riseStarted = series.get(13).start();
    return new Incident(Incident.SCHEMA, id, 1, IncidentKind.EARLY_WARNING, title, riseStarted,
        riseStarted.plus(java.time.Duration.ofDays(20)), riseStarted.plus(java.time.Duration.ofDays(21)), 65, 60, List.of("partner:ngo-a"),
        List.of("x"), List.of("und-Mymr"), List.of("threat"), List.of(), List.of(), List.of(), List.of("migrants"), List.of(), List.of(),
        List.of(), null, new Incident.Evidence(List.of(), List.of("acct1"), List.of(), Map.of("target_group", "migrants")), 70,
        Tier.HIGH, Tlp.AMBER, "threats against migrants above their baseline for three weeks in a row")
        .withTrend(new Incident.Trend("migrants", "north", "P7D", 3, "mean and spread of the previous periods", series));
  }

  static Incident incident(String id, long version, List<String> sources, Tier tier, int severity, Instant lastSeen) {
    return new Incident(Incident.SCHEMA, id, version, IncidentKind.CO_LINK, "Same link pushed by many accounts v" + version,
        FIRST_SEEN, lastSeen, lastSeen, (int) version + 1, 3, sources, List.of("x"), List.of("da"),
        List.of("dehumanisation"), List.of("T0049"), List.of("#tag"), List.of("https://example.org/a"), List.of(),
        List.of(), List.of(), List.of(), null, new Incident.Evidence(List.of(), List.of("acct1"), List.of(), Map.of()), severity, tier,
        Tlp.AMBER, "five accounts shared one link within a minute");
  }
}
