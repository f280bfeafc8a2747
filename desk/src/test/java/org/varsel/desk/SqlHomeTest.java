package org.varsel.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tables with one SQL home (docs/architecture.md, "One SQL home per table"): their owner writes them, and erasure and
 * retention call the owner's methods. The {@code incident} table has its own test ({@code IncidentSqlHomeTest}).
 */
class SqlHomeTest {

    @ParameterizedTest(name = "{0} is written by {1} only")
    @CsvSource({
        "audit_event, audit/AuditLog.java",
        "signal_receipt, intake/SignalIntake.java",
        "signal_dead_letter, intake/DeadLetterConsumer.java",
        "rejected_message, incident/RejectedMessages.java",
        "rate_limit_bucket, http/RateLimiter.java",
    })
    void onlyItsOwnerWritesTheTable(String table, String owner) throws IOException {
        assertEquals(Set.of(owner), SqlHomes.writers(table));
    }

    @ParameterizedTest(name = "{0} is read by {1} only")
    @CsvSource({"audit_event, audit/AuditLog.java"})
    void onlyItsOwnerReadsTheTable(String table, String owner) throws IOException {
        assertEquals(Set.of(owner), SqlHomes.readers(table));
    }
}
