package org.varsel.desk.incident;

import java.util.List;

/** One page of incidents and how many match the query in all. */
public record IncidentPage(List<QueuedIncident> items, long total) {
    public IncidentPage {
        items = List.copyOf(items);
    }
}
