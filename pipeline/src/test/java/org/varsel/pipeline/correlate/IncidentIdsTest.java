package org.varsel.pipeline.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.varsel.contract.IncidentKind;

class IncidentIdsTest {

    /** Ids name incidents in the desk, in state and in partners' systems: these were written before, and stay. */
    @Test
    void anIncidentKeepsTheIdItWasGivenBefore() {
        assertThat(IncidentIds.of(IncidentKind.SURGE, "category:incitement@2026-11-20T10:00:00Z"))
                .isEqualTo("inc-be1233c24b189eebe651");
        assertThat(IncidentIds.of(IncidentKind.CO_LINK, "https://x.example/a")).isEqualTo("inc-bd0025e4c660e247bc4f");
        assertThat(IncidentIds.of(IncidentKind.HIGH_SEVERITY, "sig-ÆØÅ-🙂")).isEqualTo("inc-9ea5d7eb235d885949af");
        assertThat(IncidentIds.of(IncidentKind.CO_SIMILAR_TEXT, "")).isEqualTo("inc-3a70de607097073cd77a");
    }

    /** Detector subtasks name incidents at once, each thread with its own digest: none sees another's bytes. */
    @Test
    void threadsNamingIncidentsAtOnceGetTheIdsOneThreadGets() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            keys.add("key-" + i + "-" + "x".repeat(i % 97));
        }
        List<String> expected = keys.stream()
                .map(k -> IncidentIds.of(IncidentKind.CO_SIMILAR_TEXT, k))
                .toList();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(threads.submit(() -> keys.stream()
                        .map(k -> IncidentIds.of(IncidentKind.CO_SIMILAR_TEXT, k))
                        .toList()));
            }
            for (Future<List<String>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(expected).doesNotHaveDuplicates();
    }
}
