package org.varsel.pipeline.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.pipeline.correlate.Posts.post;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Signal;
import org.varsel.pipeline.analysis.AnalysedSignal;

/**
 * Enrichment on Flink's operator test harness: a signal whose enrichment throws is dead-lettered with the failure and
 * its bytes, and the next signal is enriched; a failure must not fail the job, whose restart would replay it.
 */
class EnrichSignalTest {

    @Test
    void aSignalWhoseEnrichmentThrowsIsDeadLetteredWithItsBytesAndTheNextIsEnriched() throws Exception {
        EnrichSignal.Enriching failingOnAMarkerWord = (enricher, signal) -> {
            if (signal.text().contains("quorvex")) {
                throw new IllegalStateException("the classifier cannot read quorvex");
            }
            return enricher.enrich(signal.text(), Optional.ofNullable(signal.language()));
        };
        Signal failing =
                post("fails").text("quorvex, they must all be shot").analysed().signal();
        Signal next = post("next")
                .text("The minister said on Tuesday that the rules change.")
                .analysed()
                .signal();
        try (OneInputStreamOperatorTestHarness<Signal, AnalysedSignal> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(new EnrichSignal(failingOnAMarkerWord))) {
            harness.processElement(failing, 1);
            harness.processElement(next, 2);

            assertThat(harness.getSideOutput(EnrichSignal.UNENRICHED_SIGNALS))
                    .extracting(StreamRecord::getValue)
                    .singleElement()
                    .satisfies(letter -> {
                        assertThat(letter.reason())
                                .startsWith("enrichment failed, the signal goes no further")
                                .contains("IllegalStateException", "cannot read quorvex");
                        assertThat(new String(letter.original(), StandardCharsets.UTF_8))
                                .contains("\"external_id\":\"p-fails\"", "quorvex, they must all be shot");
                        assertThat(letter.source()).isEqualTo(failing.source());
                    });
            assertThat(harness.extractOutputValues()).singleElement().satisfies(a -> {
                assertThat(a.signal().externalId()).isEqualTo("p-next");
                assertThat(a.language()).isEqualTo("en");
            });
        }
    }
}
