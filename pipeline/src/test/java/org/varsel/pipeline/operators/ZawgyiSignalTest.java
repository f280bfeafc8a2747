package org.varsel.pipeline.operators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.varsel.contract.ParseOutcome;
import org.varsel.contract.Signal;
import org.varsel.contract.SignalCodec;
import org.varsel.contract.Tlp;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.rules.MatchedTerm;
import org.varsel.pipeline.rules.Rule;
import org.varsel.pipeline.rules.RuleEngine;
import org.varsel.pipeline.rules.RuleHit;
import org.varsel.pipeline.rules.RuleLanguage;
import org.varsel.pipeline.rules.RulePack;
import org.varsel.pipeline.rules.RuleStatus;

/** Burmese in the legacy Zawgyi encoding is converted to Unicode when enriched, recorded, and matched by Unicode rules. */
class ZawgyiSignalTest {

    static final String UNICODE = "ကုလားတွေကို သတ်ပစ်ရမယ်";
    /** The same sentence as Zawgyi fonts encode it: vowel sign e before its consonant, ္ for the asat. */
    static final String ZAWGYI = "ကုလားေတြကို သတ္ပစ္ရမယ္";

    @Test
    void zawgyiTextIsConvertedRecordedAndMatchedByAUnicodeRule() throws Exception {
        Signal parsed = parse(ZAWGYI);

        AnalysedSignal analysed = enriched(parsed);

        assertThat(analysed.encodingConverted()).isEqualTo("zawgyi");
        assertThat(analysed.signal().text()).isEqualTo(UNICODE);
        assertThat(analysed.language()).isEqualTo("und-Mymr");
        try (RuleEngine engine = RuleEngine.build(RulePack.of("test", List.of(burmeseKillRule())))) {
            // as MatchRules calls it: the analysed signal's text and language
            List<RuleHit> hits = engine.match(analysed.signal().text(), Optional.of(analysed.language()))
                    .hits();
            assertThat(hits)
                    .singleElement()
                    .satisfies(hit -> assertThat(hit.matchedTerms())
                            .extracting(MatchedTerm::text)
                            .containsExactly("သတ်"));
            assertThat(engine.match(parsed.text(), Optional.empty()).hits())
                    .as("the Zawgyi bytes as they came")
                    .isEmpty();
        }
    }

    @Test
    void unicodeBurmeseAndOtherTextIsLeftAsItIs() throws Exception {
        for (String text : List.of(UNICODE, "The minister said on Tuesday that the rules change.", "")) {
            AnalysedSignal analysed = enriched(parse(text));
            assertThat(analysed.encodingConverted()).isNull();
            assertThat(analysed.signal().text()).isEqualTo(text);
        }
    }

    /** The signal as the enrich operator passes it on. */
    private static AnalysedSignal enriched(Signal signal) throws Exception {
        try (OneInputStreamOperatorTestHarness<Signal, AnalysedSignal> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(new EnrichSignal())) {
            harness.processElement(signal, 0);
            return harness.extractOutputValues().get(0);
        }
    }

    private static Signal parse(String text) {
        byte[] json =
                ("{\"external_id\": \"z-1\", \"observed_at\": \"2026-11-20T10:00:00Z\", \"url\": \"https://x.com/a/1\", "
                                + "\"text\": \"" + text + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
        ParseOutcome outcome = SignalCodec.parse(json, "partner:ngo-my", Instant.parse("2026-11-20T10:01:00Z"));
        return ((ParseOutcome.Accepted) outcome).signal();
    }

    private static Rule burmeseKillRule() {
        return new Rule(
                "my-kill",
                "Call to kill",
                "Calls to kill ({matched}).",
                "သတ်",
                List.of(RuleLanguage.MYANMAR_SCRIPT),
                "incitement",
                List.of("topic:call-to-violence"),
                5,
                Tlp.AMBER,
                RuleStatus.ACTIVE,
                "test-desk",
                List.of(),
                null);
    }
}
