package org.varsel.pipeline.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.pipeline.correlate.Posts.post;

import java.nio.charset.StandardCharsets;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Incident;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.correlate.CorrelationSettings;
import org.varsel.pipeline.correlate.SingleSignals;

/**
 * The single-signal incident on Flink's operator test harness: a signal whose incident throws is dead-lettered with the
 * failure and its bytes and opens nothing, and the next grave signal opens its incident; the failure must not fail the
 * job. (Until session 27 the step was a flat-map with no guard: the exception failed the job, and its restart replayed
 * the same signal into the same failure.)
 */
class SingleSignalIncidentsTest {

    static final SingleSignals SINGLE = SingleSignals.from(CorrelationSettings.defaults());

    @Test
    void aSignalWhoseIncidentThrowsIsDeadLetteredWithItsBytesAndTheNextOpensItsIncident() throws Exception {
        SingleSignalIncidents.Opening failingOnAMarkerWord = signal -> {
            if (signal.signal().text().contains("quorvex")) {
                throw new StringIndexOutOfBoundsException("begin 0, end 71, length 70: quorvex");
            }
            return SINGLE.incident(signal);
        };
        AnalysedSignal failing = post("fails")
                .text("quorvex: we will burn the mosque in Aarhus tonight")
                .rule("test-threat", 5, "incitement", "hallmark:threat")
                .analysed();
        AnalysedSignal next = post("next")
                .text("we will burn the mosque in Aarhus tonight")
                .rule("test-threat", 5, "incitement", "hallmark:threat")
                .analysed();
        try (OneInputStreamOperatorTestHarness<AnalysedSignal, Incident> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(new SingleSignalIncidents(failingOnAMarkerWord))) {
            harness.processElement(failing, 1);
            harness.processElement(next, 2);

            assertThat(harness.getSideOutput(SingleSignalIncidents.SIGNALS_WITHOUT_INCIDENT))
                    .extracting(StreamRecord::getValue)
                    .singleElement()
                    .satisfies(letter -> {
                        assertThat(letter.reason())
                                .startsWith("single-signal incident failed, the signal goes no further")
                                .contains("StringIndexOutOfBoundsException", "quorvex");
                        assertThat(new String(letter.original(), StandardCharsets.UTF_8))
                                .contains("\"external_id\":\"p-fails\"", "quorvex: we will burn");
                    });
            assertThat(harness.extractOutputValues())
                    .as("the failed signal opens nothing, the next opens its own incident")
                    .containsExactly(SINGLE.incident(next).orElseThrow());
        }
    }

    @Test
    void theGuardedStepOpensWhatTheDetectorOpens() throws Exception {
        AnalysedSignal grave = post("grave")
                .text("we will burn the mosque in Aarhus tonight")
                .rule("test-threat", 5, "incitement", "hallmark:threat")
                .analysed();
        AnalysedSignal ordinary =
                post("ordinary").text("the minister spoke on Tuesday").analysed();
        try (OneInputStreamOperatorTestHarness<AnalysedSignal, Incident> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(new SingleSignalIncidents(SINGLE))) {
            harness.processElement(grave, 1);
            harness.processElement(ordinary, 2);

            assertThat(harness.extractOutputValues())
                    .containsExactly(SINGLE.incident(grave).orElseThrow());
            assertThat(harness.getSideOutput(SingleSignalIncidents.SIGNALS_WITHOUT_INCIDENT))
                    .isNull();
        }
    }
}
