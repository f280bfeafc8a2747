package org.varsel.desk.incident;

import java.time.Instant;
import java.util.List;
import org.varsel.contract.Tlp;

/** One of the period's most urgent incidents or campaigns, as the report lists it. */
public record TopIncident(
        String id,
        String title,
        String kind,
        String tier,
        Tlp tlp,
        int severity,
        int signals,
        int accounts,
        List<String> categories,
        List<String> platforms,
        Instant firstSeen) {
    public TopIncident {
        categories = List.copyOf(categories);
        platforms = List.copyOf(platforms);
    }
}
