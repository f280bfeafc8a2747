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
            series.add(
                    new Incident.TrendPoint(firstWeek.plus(java.time.Duration.ofDays(7L * w)), counts[w], 10.2, 17.5));
        }
        Instant riseStarted = series.get(13).start();
        return Incident.builder()
                .id(id)
                .kind(IncidentKind.EARLY_WARNING)
                .title(title)
                .firstSeen(riseStarted)
                .lastSeen(riseStarted.plus(java.time.Duration.ofDays(20)))
                .updatedAt(riseStarted.plus(java.time.Duration.ofDays(21)))
                .signalCount(65)
                .accountCount(60)
                .sources(List.of("partner:ngo-a"))
                .platforms(List.of("x"))
                .languages(List.of("und-Mymr"))
                .categories(List.of("threat"))
                .targetGroups(List.of("migrants"))
                .evidence(new Incident.Evidence(
                        List.of(), List.of("acct1"), List.of(), Map.of("target_group", "migrants")))
                .severity(70)
                .tier(Tier.HIGH)
                .tlp(Tlp.AMBER)
                .explanation("threats against migrants above their baseline for three weeks in a row")
                .trend(new Incident.Trend(
                        "migrants", "north", "P7D", 3, "mean and spread of the previous periods", series))
                .build();
    }

    static Incident incident(String id, long version, List<String> sources, Tier tier, int severity, Instant lastSeen) {
        return Incident.builder()
                .id(id)
                .version(version)
                .kind(IncidentKind.CO_LINK)
                .title("Same link pushed by many accounts v" + version)
                .firstSeen(FIRST_SEEN)
                .lastSeen(lastSeen)
                .updatedAt(lastSeen)
                .signalCount((int) version + 1)
                .accountCount(3)
                .sources(sources)
                .platforms(List.of("x"))
                .languages(List.of("da"))
                .categories(List.of("dehumanisation"))
                .disarm(List.of("T0049"))
                .hashtags(List.of("#tag"))
                .urls(List.of("https://example.org/a"))
                .evidence(new Incident.Evidence(List.of(), List.of("acct1"), List.of(), Map.of()))
                .severity(severity)
                .tier(tier)
                .tlp(Tlp.AMBER)
                .explanation("five accounts shared one link within a minute")
                .build();
    }
}
