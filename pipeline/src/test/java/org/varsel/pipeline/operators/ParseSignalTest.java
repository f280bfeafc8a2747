package org.varsel.pipeline.operators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.varsel.contract.DeadLetter;
import org.varsel.contract.Signal;
import org.varsel.pipeline.MixedSignalBatch;
import org.varsel.pipeline.io.RawSignal;

/**
 * Parse and validate on Flink's operator test harness, no broker: every valid signal passes, every malformed one leaves
 * as a dead letter with its reason, its original bytes and where it was read; a CSAM-labelled signal leaves only for
 * the hotline, stripped, and one without a URL is dead-lettered without its bytes (docs/child-safety.md).
 */
class ParseSignalTest {
    static final Instant RECEIVED = Instant.parse("2026-11-20T12:00:00Z");

    @Test
    void passesEveryValidSignalAndDeadLettersEveryMalformedOneWithItsReasonBytesAndOffset() throws Exception {
        MixedSignalBatch batch = new MixedSignalBatch();
        List<RawSignal> records = batch.records("raw-test");
        try (OneInputStreamOperatorTestHarness<RawSignal, Signal> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(new ParseSignal())) {
            for (RawSignal record : records) {
                harness.processElement(record, record.offset());
            }

            assertThat(harness.extractOutputValues()).hasSize(MixedSignalBatch.VALID + MixedSignalBatch.REPLAYS);
            List<DeadLetter> letters = harness.getSideOutput(ParseSignal.DEAD_LETTERS).stream()
                    .map(StreamRecord::getValue)
                    .toList();
            assertThat(letters).hasSize(MixedSignalBatch.MALFORMED);
            for (DeadLetter letter : letters) {
                MixedSignalBatch.Malformed sent =
                        batch.malformedWithBytes(Base64.getEncoder().encodeToString(letter.original()));
                assertThat(sent)
                        .as("dead letter keeps the original bytes exactly: %s", letter.reason())
                        .isNotNull();
                assertThat(letter.reason()).contains(sent.reasonSays());
                assertThat(letter.topic()).isEqualTo("raw-test");
                assertThat(records.get(letter.offset().intValue()).value()).isEqualTo(letter.original());
            }
            assertThat(harness.getSideOutput(ParseSignal.HOTLINE)).isNull();
        }
    }

    @Test
    void aCsamLabelledSignalGoesToTheHotlineStrippedAndNeverOn() throws Exception {
        try (OneInputStreamOperatorTestHarness<RawSignal, Signal> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(new ParseSignal())) {
            harness.processElement(raw("""
          {"external_id": "c-1", "observed_at": "2026-11-20T10:00:00Z", "url": "https://example.org/x",
           "text": "MARKER", "labels": {"category": "csam"}}"""), 1);

            assertThat(harness.extractOutputValues()).isEmpty();
            assertThat(harness.getSideOutput(ParseSignal.HOTLINE))
                    .extracting(StreamRecord::getValue)
                    .singleElement()
                    .satisfies(signal -> {
                        assertThat(signal.url()).isEqualTo("https://example.org/x");
                        assertThat(signal.text()).isNull();
                    });
        }
    }

    @Test
    void aCsamLabelledSignalWithoutAUrlIsDeadLetteredWithoutItsContent() throws Exception {
        try (OneInputStreamOperatorTestHarness<RawSignal, Signal> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(new ParseSignal())) {
            harness.processElement(raw("""
          {"external_id": "c-2", "observed_at": "2026-11-20T10:00:00Z", "text": "MARKER", "labels": {"category": "csam"}}"""), 1);

            assertThat(harness.extractOutputValues()).isEmpty();
            assertThat(harness.getSideOutput(ParseSignal.DEAD_LETTERS))
                    .extracting(StreamRecord::getValue)
                    .singleElement()
                    .satisfies(letter -> {
                        assertThat(letter.reason()).contains("labelled csam", "original bytes withheld");
                        assertThat(new String(letter.original(), StandardCharsets.UTF_8))
                                .doesNotContain("MARKER");
                    });
        }
    }

    private static RawSignal raw(String json) {
        return new RawSignal(json.getBytes(StandardCharsets.UTF_8), "partner:ngo-a", RECEIVED, "raw-test", 0, 0);
    }
}
