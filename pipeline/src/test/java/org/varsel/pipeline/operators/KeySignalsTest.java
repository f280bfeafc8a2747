package org.varsel.pipeline.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.pipeline.correlate.Posts.post;

import java.nio.charset.StandardCharsets;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.correlate.CorrelationKeys;
import org.varsel.pipeline.correlate.CorrelationSettings;
import org.varsel.pipeline.correlate.KeyedSignal;

/**
 * A detector's keys on Flink's operator test harness: a signal whose keys throw is dead-lettered with the failure and
 * its bytes and emits no key, and the next signal is keyed; the failure must not fail the job.
 */
class KeySignalsTest {

    static final CorrelationKeys KEYS = new CorrelationKeys(CorrelationSettings.defaults());

    @Test
    void aSignalWhoseKeysThrowIsDeadLetteredWithItsBytesAndTheNextIsKeyed() throws Exception {
        KeySignals.Keying failingOnAMarkerTag = signal -> {
            if (signal.signal().text().contains("#quorvex")) {
                throw new IllegalArgumentException("a tag no key can hold: quorvex");
            }
            return KEYS.hashtags(signal);
        };
        AnalysedSignal failing = post("fails")
                .text("#borderwatch #quorvex they must all go")
                .hashtag("#borderwatch")
                .hashtag("#quorvex")
                .analysed();
        AnalysedSignal next = post("next")
                .text("#borderwatch tonight at the square")
                .hashtag("#borderwatch")
                .analysed();
        try (OneInputStreamOperatorTestHarness<AnalysedSignal, KeyedSignal> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(new KeySignals("hashtag push", failingOnAMarkerTag))) {
            harness.processElement(failing, 1);
            harness.processElement(next, 2);

            assertThat(harness.getSideOutput(KeySignals.UNKEYED_SIGNALS))
                    .extracting(StreamRecord::getValue)
                    .singleElement()
                    .satisfies(letter -> {
                        assertThat(letter.reason())
                                .startsWith("correlation keys (hashtag push) failed, the signal goes no further")
                                .contains("IllegalArgumentException", "quorvex");
                        assertThat(new String(letter.original(), StandardCharsets.UTF_8))
                                .contains("\"external_id\":\"p-fails\"", "#quorvex they must all go");
                    });
            assertThat(harness.extractOutputValues())
                    .as("the failed signal gives no key, the next gives its own")
                    .extracting(k -> k.key() + " " + k.signal().signal().externalId())
                    .containsExactly("borderwatch p-next");
        }
    }
}
