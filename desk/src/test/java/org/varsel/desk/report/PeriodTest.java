package org.varsel.desk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.varsel.desk.http.Problem;

class PeriodTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-10T12:00:00.750Z"), ZoneOffset.UTC);

    @Test
    void byDefaultCoversTheLast30DaysIncludingTheCurrentSecond() {
        Period period = Period.parse(Optional.empty(), Optional.empty(), NOW);

        assertThat(period.to()).isAfter(NOW.instant()).isEqualTo(Instant.parse("2026-03-10T12:00:01Z"));
        assertThat(period.from()).isEqualTo(Instant.parse("2026-02-08T12:00:01Z"));
        assertThat(period.bucket()).isEqualTo("day");
        assertThat(period.bucketStarts())
                .hasSize(31)
                .startsWith(LocalDate.parse("2026-02-08"))
                .endsWith(LocalDate.parse("2026-03-10"));
    }

    @Test
    void countsPerDayUpTo62DaysAndPerIsoWeekBeyondStartingOnMonday() {
        Period days = Period.parse(Optional.of("2026-01-01"), Optional.of("2026-03-04"), NOW);
        Period weeks = Period.parse(Optional.of("2026-01-01"), Optional.of("2026-03-05"), NOW);

        assertThat(days.bucket()).isEqualTo("day");
        assertThat(days.bucketStarts()).hasSize(62).endsWith(LocalDate.parse("2026-03-03"));
        assertThat(weeks.bucket()).isEqualTo("week");
        assertThat(weeks.bucketStarts())
                .startsWith(LocalDate.parse("2025-12-29"))
                .endsWith(LocalDate.parse("2026-03-02"))
                .allSatisfy(start -> assertThat(start.getDayOfWeek().getValue()).isEqualTo(1));
    }

    @Test
    void aBadDateAnEmptyPeriodOrOneOverTenYearsIsABadRequest() {
        assertThatThrownBy(() -> Period.parse(Optional.of("yesterday"), Optional.empty(), NOW))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("from must be YYYY-MM-DD");
        assertThatThrownBy(() -> Period.parse(Optional.of("2026-02-01"), Optional.of("2026-02-01"), NOW))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("to must be after from");
        assertThatThrownBy(() -> Period.parse(Optional.of("2000-01-01"), Optional.of("2026-01-01"), NOW))
                .isInstanceOf(Problem.class)
                .hasMessageContaining("at most 10 years");
    }
}
