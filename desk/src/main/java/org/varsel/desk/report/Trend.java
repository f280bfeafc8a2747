package org.varsel.desk.report;

import java.time.LocalDate;
import java.util.List;
import org.varsel.desk.incident.Dimension;

/** Incidents first seen per bucket that carry one value of a dimension (category {@code incitement}, say). */
public record Trend(Dimension dimension, String value, List<Count> counts) {
    public Trend {
        counts = List.copyOf(counts);
    }

    /** Incidents first seen in the bucket that starts on {@code start}. */
    public record Count(LocalDate start, long incidents) {}

    public long total() {
        return counts.stream().mapToLong(Count::incidents).sum();
    }
}
