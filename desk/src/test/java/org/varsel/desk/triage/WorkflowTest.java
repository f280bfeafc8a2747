package org.varsel.desk.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.desk.incident.IncidentStatus.CLOSED;
import static org.varsel.desk.incident.IncidentStatus.CONFIRMED;
import static org.varsel.desk.incident.IncidentStatus.DISMISSED;
import static org.varsel.desk.incident.IncidentStatus.ESCALATED;
import static org.varsel.desk.incident.IncidentStatus.NEW;
import static org.varsel.desk.incident.IncidentStatus.TRIAGING;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Json;
import org.varsel.desk.audit.AuditEvent;
import org.varsel.desk.audit.AuditLog;
import org.varsel.desk.auth.Role;
import org.varsel.desk.incident.IncidentStatus;

class WorkflowTest {

    @Test
    void analystsMoveIncidentsForwardOnly() {
        assertThat(Workflow.next(NEW, Role.ANALYST)).containsExactlyInAnyOrder(TRIAGING, DISMISSED);
        assertThat(Workflow.next(TRIAGING, Role.ANALYST)).containsExactlyInAnyOrder(CONFIRMED, DISMISSED);
        assertThat(Workflow.next(CONFIRMED, Role.ANALYST)).containsExactlyInAnyOrder(ESCALATED, CLOSED);
        assertThat(Workflow.next(DISMISSED, Role.ANALYST)).containsExactly(CLOSED);
        assertThat(Workflow.next(ESCALATED, Role.ANALYST)).containsExactly(CLOSED);
        assertThat(Workflow.next(CLOSED, Role.ANALYST)).isEmpty();
    }

    @Test
    void leadsAndAdminsMayAlsoReopen() {
        for (Role role : List.of(Role.LEAD, Role.ADMIN)) {
            assertThat(Workflow.next(CLOSED, role)).containsExactly(TRIAGING);
            assertThat(Workflow.next(DISMISSED, role)).contains(TRIAGING);
            assertThat(Workflow.refusal(CONFIRMED, TRIAGING, role)).isEmpty();
        }
        assertThat(Workflow.refusal(CLOSED, TRIAGING, Role.ANALYST))
                .hasValueSatisfying(why -> assertThat(why).contains("lead"));
    }

    @Test
    void partnersNeverTriageAndNoStatusGoesBackToNew() {
        for (IncidentStatus from : IncidentStatus.values()) {
            assertThat(Workflow.next(from, Role.PARTNER)).isEmpty();
            for (Role role : Role.values()) {
                assertThat(Workflow.refusal(from, NEW, role)).isPresent();
            }
        }
    }

    @Test
    void onlyConfirmedAndDismissedAreVerdictsAndOnlyADismissalNeedsAReason() {
        assertThat(List.of(IncidentStatus.values()))
                .filteredOn(Workflow::isVerdict)
                .containsExactlyInAnyOrder(CONFIRMED, DISMISSED);
        assertThat(List.of(IncidentStatus.values()))
                .filteredOn(Workflow::needsReason)
                .containsExactly(DISMISSED);
    }

    @Test
    void auditCsvQuotesSeparatorsAndDefusesSpreadsheetFormulas() throws Exception {
        AuditEvent event = new AuditEvent(
                7,
                Instant.parse("2025-03-01T10:00:00Z"),
                "=cmd|' /C calc'!A0",
                "comment",
                Optional.of("inc-1"),
                Optional.empty(),
                Optional.of(Json.mapper().createObjectNode().put("body", "a, \"b\"")));
        StringWriter csv = new StringWriter();
        AuditLog.writeCsv(List.of(event), csv);
        String[] lines = csv.toString().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[1])
                .isEqualTo(
                        "7,2025-03-01T10:00:00Z,'=cmd|' /C calc'!A0,comment,inc-1,,\"{\"\"body\"\":\"\"a, \\\"\"b\\\"\"\"\"}\"");
    }
}
