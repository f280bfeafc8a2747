package org.varsel.pipeline.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.varsel.pipeline.correlate.Posts.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithNonKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.varsel.contract.DeadLetter;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.analysis.RuleMatch;
import org.varsel.pipeline.analysis.SignalMatcher;
import org.varsel.pipeline.io.RulePackUpdate;
import org.varsel.pipeline.io.ShadowHit;
import org.varsel.pipeline.rules.AnalysisFailureTest;
import org.varsel.pipeline.rules.BundledRules;
import org.varsel.pipeline.rules.RuleEngine;
import org.varsel.pipeline.rules.RulePack;
import org.varsel.pipeline.rules.RuleStatus;
import org.varsel.pipeline.rules.TestRules;

/**
 * The rule-matching operator on Flink's broadcast test harness, no broker: a pack pushed on the broadcast side
 * ({@code varsel.rules}) takes over for the next signal without a restart, shadow hits leave only by their side output,
 * a broken pack is dead-lettered with its bytes while the live pack stays, a signal whose matching throws is
 * dead-lettered with the failure and its bytes while the next is matched, and a restored operator matches with the pack
 * that was live at the snapshot, not with the one it was built with.
 */
class MatchRulesTest {
    static final RulePack INITIAL = TestRules.pack(TestRules.active("test-expel-initial", "zorblax AND banish"));
    static final RulePack PUSHED = RulePack.of(
            "default",
            List.of(
                    TestRules.active("test-zorblax-expulsion", "zorblax AND (expel OR expelled)"),
                    TestRules.rule("test-glimmerfen-shadow", "glimmerfen AND (burn OR burned)", RuleStatus.SHADOW)));
    static final String TEXT = "the zorblax must be expelled, burn glimmerfen down";

    private final AtomicLong offsets = new AtomicLong();

    @Test
    void aPushedPackTakesEffectForTheNextSignalAndItsShadowHitsLeaveOnlyByTheSideOutput() throws Exception {
        try (BroadcastOperatorTestHarness<AnalysedSignal, RulePackUpdate, AnalysedSignal> harness = opened(null)) {
            harness.processElement(signal("before"), 1);
            harness.processBroadcastElement(update(PUSHED.toJson()), 2);
            harness.processElement(signal("after"), 3);

            List<AnalysedSignal> out = outputOf(harness);
            assertThat(out).extracting(a -> a.signal().externalId()).containsExactly("p-before", "p-after");
            assertThat(out.get(0).ruleMatches())
                    .as("the initial pack has no rule for this text")
                    .isEmpty();
            assertThat(out.get(1).ruleMatches())
                    .extracting(RuleMatch::ruleId)
                    .containsExactly("test-zorblax-expulsion");
            assertThat(out.get(1).ruleMatches().get(0).packVersion()).isEqualTo(PUSHED.version());
            assertThat(harness.getSideOutput(MatchRules.SHADOW_HITS))
                    .extracting(StreamRecord::getValue)
                    .extracting(ShadowHit::ruleId, ShadowHit::packVersion)
                    .containsExactly(tuple("test-glimmerfen-shadow", PUSHED.version()));
        }
    }

    @Test
    void aBrokenPackIsDeadLetteredWithItsBytesAndTheLivePackStays() throws Exception {
        try (BroadcastOperatorTestHarness<AnalysedSignal, RulePackUpdate, AnalysedSignal> harness = opened(null)) {
            harness.processBroadcastElement(update(PUSHED.toJson()), 1);
            byte[] broken = "{not a pack".getBytes(StandardCharsets.UTF_8);
            harness.processBroadcastElement(update(broken), 2);
            harness.processElement(signal("after-broken"), 3);

            assertThat(harness.getSideOutput(MatchRules.REFUSED_PACKS))
                    .extracting(StreamRecord::getValue)
                    .singleElement()
                    .satisfies(letter -> {
                        assertThat(letter.reason()).startsWith("rule pack refused, the live pack stays");
                        assertThat(letter.original()).isEqualTo(broken);
                        assertThat(letter.topic()).isEqualTo("rules-test");
                    });
            assertThat(outputOf(harness))
                    .singleElement()
                    .satisfies(a -> assertThat(a.ruleMatches())
                            .extracting(RuleMatch::ruleId)
                            .containsExactly("test-zorblax-expulsion"));
        }
    }

    @Test
    void aSignalWhoseMatchingThrowsIsDeadLetteredWithItsBytesAndTheNextIsMatched() throws Exception {
        MatchRules.Matching failingOnAMarkerWord = (matches, signal) -> {
            if (signal.signal().text().contains("quorvex")) {
                throw new IllegalArgumentException("first position increment must be > 0 (got 0) for field 'text_en'");
            }
            return matches.match(signal);
        };
        try (BroadcastOperatorTestHarness<AnalysedSignal, RulePackUpdate, AnalysedSignal> harness =
                openedMatching(failingOnAMarkerWord)) {
            harness.processBroadcastElement(update(PUSHED.toJson()), 1);
            harness.processElement(post("fails").text("quorvex: " + TEXT).analysed(), 2);
            harness.processElement(signal("after-failure"), 3);

            DeadLetter letter = theUnmatchedSignal(harness);
            assertThat(letter.reason()).contains("IllegalArgumentException", "first position increment");
            assertThat(new String(letter.original(), StandardCharsets.UTF_8)).contains("quorvex: " + TEXT);
            assertThat(letter.source()).isNotBlank();
            assertThat(outputOf(harness))
                    .as("the failed signal goes no further, the next is matched with the live pack")
                    .singleElement()
                    .satisfies(a -> {
                        assertThat(a.signal().externalId()).isEqualTo("p-after-failure");
                        assertThat(a.ruleMatches())
                                .extracting(RuleMatch::ruleId)
                                .containsExactly("test-zorblax-expulsion");
                    });
            assertThat(harness.getSideOutput(MatchRules.REFUSED_PACKS)).isNull();
        }
    }

    /** The bundled pack's engine whose real analysis chain throws on one word (a filter at its end, in MemoryIndex). */
    static final RuleEngine FAILING_ON_POISON = AnalysisFailureTest.engineFailingOnPoison(BundledRules.load());

    @Test
    void aSignalWhoseAnalysisThrowsIsDeadLetteredAndTheNextAreMatchedAsByAFreshEngine() throws Exception {
        List<AnalysedSignal> next = List.of(
                post("grave")
                        .text("Kill all the migrants at the border, every last one")
                        .analysed(),
                post("ordinary")
                        .text("The minister said on Tuesday that the rules change.")
                        .analysed(),
                post("danish")
                        .text("Skyd dem alle sammen, de skal dø")
                        .language("da")
                        .analysed(),
                post("grave-again")
                        .text("they should all be hanged, every last one of them")
                        .analysed());
        try (RuleEngine fresh = RuleEngine.build(BundledRules.load());
                BroadcastOperatorTestHarness<AnalysedSignal, RulePackUpdate, AnalysedSignal> harness =
                        openedMatching((matches, signal) -> SignalMatcher.match(FAILING_ON_POISON, signal))) {
            harness.processElement(
                    post("fails")
                            .text("Kill all the " + AnalysisFailureTest.POISON + " migrants at the border")
                            .analysed(),
                    1);
            for (int i = 0; i < next.size(); i++) {
                harness.processElement(next.get(i), 2 + i);
            }

            assertThat(theUnmatchedSignal(harness).reason()).contains("PoisonedWord", AnalysisFailureTest.POISON);
            List<AnalysedSignal> matched = outputOf(harness);
            assertThat(matched)
                    .extracting(a -> a.signal().externalId())
                    .containsExactly("p-grave", "p-ordinary", "p-danish", "p-grave-again");
            for (int i = 0; i < next.size(); i++) {
                assertThat(matched.get(i).ruleMatches())
                        .as(next.get(i).signal().text())
                        .isEqualTo(SignalMatcher.withActiveHits(next.get(i), SignalMatcher.match(fresh, next.get(i)))
                                .ruleMatches());
            }
            assertThat(matched.get(0).ruleMatches())
                    .as("the grave text after the failure")
                    .isNotEmpty();
        }
    }

    @Test
    void aRestoredOperatorMatchesWithThePackThatWasLiveAtTheSnapshot() throws Exception {
        OperatorSubtaskState snapshot;
        try (BroadcastOperatorTestHarness<AnalysedSignal, RulePackUpdate, AnalysedSignal> harness = opened(null)) {
            harness.processBroadcastElement(update(PUSHED.toJson()), 1);
            snapshot = harness.snapshot(1, 2);
        }
        try (BroadcastOperatorTestHarness<AnalysedSignal, RulePackUpdate, AnalysedSignal> restored = opened(snapshot)) {
            restored.processElement(signal("after-restore"), 3);

            assertThat(outputOf(restored))
                    .singleElement()
                    .satisfies(a -> assertThat(a.ruleMatches())
                            .extracting(RuleMatch::ruleId)
                            .containsExactly("test-zorblax-expulsion"));
        }
    }

    /** An operator built with {@link #INITIAL}, restored from {@code snapshot} when there is one. */
    private static BroadcastOperatorTestHarness<AnalysedSignal, RulePackUpdate, AnalysedSignal> opened(
            OperatorSubtaskState snapshot) throws Exception {
        return opened(new MatchRules(INITIAL), snapshot);
    }

    /** An operator built with {@link #INITIAL} that matches each signal by {@code matching}, with no snapshot. */
    private static BroadcastOperatorTestHarness<AnalysedSignal, RulePackUpdate, AnalysedSignal> openedMatching(
            MatchRules.Matching matching) throws Exception {
        return opened(new MatchRules(INITIAL, matching), null);
    }

    /**
     * The one signal {@code p-fails} the harness dead-lettered because its matching failed: its reason says so and its
     * bytes are the signal's.
     */
    private static DeadLetter theUnmatchedSignal(
            BroadcastOperatorTestHarness<AnalysedSignal, RulePackUpdate, AnalysedSignal> harness) {
        assertThat(harness.getSideOutput(MatchRules.UNMATCHED_SIGNALS)).hasSize(1);
        DeadLetter letter =
                harness.getSideOutput(MatchRules.UNMATCHED_SIGNALS).peek().getValue();
        assertThat(letter.reason()).startsWith("rule matching failed, the signal goes no further");
        assertThat(new String(letter.original(), StandardCharsets.UTF_8)).contains("\"external_id\":\"p-fails\"");
        return letter;
    }

    private static BroadcastOperatorTestHarness<AnalysedSignal, RulePackUpdate, AnalysedSignal> opened(
            MatchRules operator, OperatorSubtaskState snapshot) throws Exception {
        return Harnesses.opened(
                new BroadcastOperatorTestHarness<>(
                        new CoBroadcastWithNonKeyedOperator<>(operator, List.of(MatchRules.LIVE_PACK)), 1, 1, 0),
                snapshot);
    }

    private static AnalysedSignal signal(String id) {
        return post(id).text(TEXT).analysed();
    }

    private RulePackUpdate update(byte[] json) {
        return new RulePackUpdate(json, "rules-test", 0, offsets.getAndIncrement());
    }

    private static List<AnalysedSignal> outputOf(
            BroadcastOperatorTestHarness<AnalysedSignal, RulePackUpdate, AnalysedSignal> harness) {
        return harness.extractOutputValues();
    }
}
