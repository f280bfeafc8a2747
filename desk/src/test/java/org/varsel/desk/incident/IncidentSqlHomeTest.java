package org.varsel.desk.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The {@code incident} table has one SQL home: {@link IncidentStore} (docs/architecture.md, "One SQL home per table"). */
class IncidentSqlHomeTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern WRITES = Pattern.compile("\\b(UPDATE|INSERT\\s+INTO|DELETE\\s+FROM)\\s+incident\\b");
    private static final Pattern READS = Pattern.compile("\\b(FROM|JOIN)\\s+incident\\b");

    /**
     * Classes that still read the table themselves: the queue's and the period report's reads (to move next), and
     * statements about another table that join the incident to filter or label their own rows.
     */
    private static final Set<String> READERS = Set.of(
            "incident/IncidentStore.java",
            "triage/QueueStore.java",
            "report/PeriodReportStore.java",
            "triage/Verdicts.java",
            "alert/Alerts.java",
            "notify/Notifications.java",
            "cases/CaseStore.java",
            "brief/store/BriefStore.java",
            "intake/SignalStatuses.java",
            "retention/RetentionPurge.java");

    @Test
    void onlyTheIncidentStoreWritesTheIncidentTable() throws IOException {
        assertEquals(Set.of("incident/IncidentStore.java"), sourcesMatching(WRITES));
    }

    @Test
    void noOtherClassStartsReadingTheIncidentTable() throws IOException {
        Set<String> readers = sourcesMatching(READS);
        readers.removeAll(READERS);
        assertTrue(readers.isEmpty(), "read the incident table through IncidentStore instead: " + readers);
    }

    private static Set<String> sourcesMatching(Pattern sql) throws IOException {
        Path root = MAIN.resolve("org/varsel/desk");
        Set<String> matching = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (sql.matcher(Files.readString(file, StandardCharsets.UTF_8)).find()) {
                    matching.add(root.relativize(file).toString().replace('\\', '/'));
                }
            }
        }
        return matching;
    }
}
