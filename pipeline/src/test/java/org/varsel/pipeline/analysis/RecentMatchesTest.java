package org.varsel.pipeline.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.pipeline.correlate.Posts.post;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.varsel.pipeline.rules.BundledRules;
import org.varsel.pipeline.rules.MatchResult;
import org.varsel.pipeline.rules.Rule;
import org.varsel.pipeline.rules.RuleEngine;
import org.varsel.pipeline.rules.RulePack;

/**
 * A text matched again is answered from memory with what the engine gives it, in whatever language tag it comes: the
 * bundled pack's examples in English, Danish, French, undetermined and untagged, each twice in a shuffled stream with
 * more distinct texts than the memory holds, against an engine that remembers nothing.
 */
class RecentMatchesTest {

    private static final List<String> TAGS = Arrays.asList("en", "da", "und", "fr", null);
    /** Few, so that the stream fills the memory many times over. */
    private static final int TEXTS = 256;

    @Test
    void aTextMatchedAgainGetsWhatTheEngineGivesItInItsLanguage() {
        RulePack pack = BundledRules.load();
        List<AnalysedSignal> stream = stream(pack);
        try (RuleEngine remembering = RuleEngine.build(pack);
                RuleEngine reference = RuleEngine.build(pack)) {
            RecentMatches recent = new RecentMatches(remembering, TEXTS);
            Map<MatchResult, Boolean> answered = new IdentityHashMap<>();
            int fromMemory = 0;
            int hits = 0;
            for (AnalysedSignal signal : stream) {
                MatchResult result = recent.match(signal);
                assertThat(result)
                        .as("%s in %s", signal.signal().text(), signal.ruleLanguage())
                        .isEqualTo(SignalMatcher.match(reference, signal));
                if (answered.put(result, true) != null && result != MatchResult.NONE) {
                    fromMemory++;
                }
                hits += result.hits().size();
            }
            assertThat(fromMemory).as("repeats answered from memory").isGreaterThan(500);
            assertThat(hits).as("the stream holds texts the rules match").isGreaterThan(500);
        }
    }

    @Test
    void aTextLongerThanAPostIsMatchedAnewEachTime() {
        try (RuleEngine engine = RuleEngine.build(BundledRules.load())) {
            RecentMatches recent = new RecentMatches(engine, TEXTS);
            AnalysedSignal post = signal("we will kill them all", "en");
            AnalysedSignal longer = signal(
                    "we will kill them all " + "x".repeat(RecentTexts.LONGEST - "we will kill them all ".length()),
                    "en");
            AnalysedSignal longest = signal(longer.signal().text() + "x", "en");

            assertThat(recent.match(post)).as("a post, remembered").isSameAs(recent.match(post));
            assertThat(recent.match(longer)).as("as long as remembered").isSameAs(recent.match(longer));
            MatchResult first = recent.match(longest);
            assertThat(recent.match(longest))
                    .as("longer: not remembered, the same answer")
                    .isNotSameAs(first)
                    .isEqualTo(first);
        }
    }

    /**
     * The examples of every fourth rule of the pack (every rule's made the test run for minutes) in every tag, shuffled;
     * each comes again a few signals later, when the memory still holds it, and once more at the end, when it has
     * mostly been forgotten.
     */
    private static List<AnalysedSignal> stream(RulePack pack) {
        List<AnalysedSignal> once = new ArrayList<>();
        for (int i = 0; i < pack.rules().size(); i += 4) {
            Rule r = pack.rules().get(i);
            for (String text : r.examples().match()) {
                TAGS.forEach(tag -> once.add(signal(text, tag)));
            }
            for (String text : r.examples().noMatch()) {
                TAGS.forEach(tag -> once.add(signal(text, tag)));
            }
        }
        Random random = new Random(20261207L);
        Collections.shuffle(once, random);
        List<AnalysedSignal> stream = new ArrayList<>();
        for (int i = 0; i < once.size(); i++) {
            stream.add(once.get(i));
            int back = 1 + random.nextInt(TEXTS / 2);
            if (i >= back) {
                stream.add(once.get(i - back));
            }
        }
        stream.addAll(once);
        assertThat(once).as("more texts than the memory holds").hasSizeGreaterThan(4 * TEXTS);
        return stream;
    }

    private static AnalysedSignal signal(String text, String language) {
        return post("recent").text(text).language(language).analysed();
    }
}
