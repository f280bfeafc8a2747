package org.varsel.desk.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.varsel.desk.SqlHomes;

/** The {@code incident} table has one SQL home: {@link IncidentStore} (docs/architecture.md, "One SQL home per table"). */
class IncidentSqlHomeTest {

    /**
     * The classes outside {@code incident/} that name the table: statements about another table that join the incident
     * (or test it in a subquery) to filter or label their own rows. The queue's and the period report's reads are in
     * {@code incident/}.
     */
    private static final Set<String> JOINS = Set.of(
            "triage/Verdicts.java",
            "alert/Alerts.java",
            "audit/AuditLog.java",
            "notify/Notifications.java",
            "cases/CaseStore.java",
            "brief/store/BriefStore.java",
            "intake/SignalStatuses.java",
            "intake/SignalIntake.java");

    @Test
    void onlyTheIncidentStoreWritesTheIncidentTable() throws IOException {
        assertEquals(Set.of("incident/IncidentStore.java"), SqlHomes.writers("incident"));
    }

    @Test
    void outsideTheIncidentPackageOnlyJoinsNameTheIncidentTable() throws IOException {
        Set<String> readers = SqlHomes.readers("incident");
        readers.removeIf(file -> file.startsWith("incident/"));
        readers.removeAll(JOINS);
        assertTrue(
                readers.isEmpty(),
                "read the incident table through incident/ (IncidentStore, QueueStore, IncidentReportQueries): "
                        + readers);
    }
}
