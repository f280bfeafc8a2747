package org.varsel.desk.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.varsel.desk.http.Problem;

/** The half-open span [from, to) a report covers, counted per day (up to 62 days) or per ISO week. */
public record Period(Instant from, Instant to) {
    static final Duration DEFAULT = Duration.ofDays(30);
    static final Duration LONGEST = Duration.ofDays(3660);
    private static final Duration DAILY_UP_TO = Duration.ofDays(62);

    public Period {
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(LONGEST) > 0) {
            throw Problem.badRequest("to must be after from, and the period at most 10 years");
        }
    }

    /** {@code from}/{@code to} as YYYY-MM-DD (UTC midnight; {@code to} is exclusive) or ISO-8601 instants; default: the last 30 days. */
    static Period parse(Optional<String> from, Optional<String> to, Clock clock) {
        // rounded up to the next second: what happened in this very second belongs to the report
        Instant end = to.map(value -> instant(value, "to"))
                .orElseGet(() -> clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
        Instant start = from.map(value -> instant(value, "from")).orElse(end.minus(DEFAULT));
        return new Period(start, end);
    }

    /** The Postgres {@code date_trunc} unit the trends are counted in. */
    public String bucket() {
        return Duration.between(from, to).compareTo(DAILY_UP_TO) <= 0 ? "day" : "week";
    }

    /** The first day of every bucket in the period, so that a bucket without incidents still shows as zero. */
    public List<LocalDate> bucketStarts() {
        LocalDate first = from.atZone(ZoneOffset.UTC).toLocalDate();
        if (bucket().equals("week")) {
            first = first.minusDays(first.getDayOfWeek().getValue() - 1L);
        }
        LocalDate last = to.minusNanos(1).atZone(ZoneOffset.UTC).toLocalDate();
        int step = bucket().equals("week") ? 7 : 1;
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(step)) {
            starts.add(day);
        }
        return starts;
    }

    private static Instant instant(String value, String name) {
        String trimmed = value.trim();
        try {
            return trimmed.length() == 10
                    ? LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(trimmed);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest(name + " must be YYYY-MM-DD or an ISO-8601 instant, was " + value);
        }
    }
}
