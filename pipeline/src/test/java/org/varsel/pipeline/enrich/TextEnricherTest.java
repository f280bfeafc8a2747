package org.varsel.pipeline.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.varsel.pipeline.extract.EntityExtractor;

class TextEnricherTest {

    private static TextEnricher enricher;

    @BeforeAll
    static void loadModels() {
        enricher = new TextEnricher();
    }

    @Test
    void enrichesAPostWithLanguageLinksEntitiesAndCategory() {
        Enrichment e = enricher.enrich(
                "The minister lied again about the election results, read this https://www.YouTube.com/watch?v=abc&utm_source=x "
                        + "#Election @NewsDesk",
                Optional.empty());
        assertThat(e.language()).isEqualTo("en");
        assertThat(e.languageConfidence()).isGreaterThan(0.0);
        assertThat(e.urls()).containsExactly("https://www.youtube.com/watch?v=abc");
        assertThat(e.platforms()).containsExactly("youtube");
        assertThat(e.hashtags()).containsExactly("election");
        assertThat(e.mentions()).containsExactly("newsdesk");
        assertThat(e.category()).isIn("threat", "hateful", "offensive", "neutral");
        assertThat(e.scores()).containsOnlyKeys("threat", "hateful", "offensive", "neutral");
        assertThat(e.modelVersion()).isEqualTo(enricher.modelVersion()).startsWith("doccat-");
    }

    @Test
    void trustsTheLanguageHint() {
        assertThat(enricher.enrich("ok", Optional.of("da")).language()).isEqualTo("da");
        assertThat(enricher.enrich("ok", Optional.of("da")).languageConfidence())
                .isEqualTo(1.0);
    }

    @Test
    void survivesEmptyAndNullText() {
        for (String text : new String[] {"", null, "   "}) {
            Enrichment e = enricher.enrich(text, Optional.empty());
            assertThat(e.language()).isEqualTo("und");
            assertThat(e.category()).isEqualTo("neutral");
            assertThat(e.urls()).isEmpty();
        }
        assertThat(enricher.enrich("text", null).language()).isEqualTo("und");
    }

    @Test
    void readsOnlyABoundedPrefixOfAOneMebibytePostSoItsCostDoesNotGrowWithTheText() {
        // The work bound: no step reads past the extractor's 64 KiB (the largest prefix any step reads), so the rest of
        // a post, however long and whatever it says, changes nothing. What it costs is measured in bench/
        // (EnrichClassifyBenchmark.enrichOneMebibytePost), not timed here.
        int bound = EntityExtractor.MAX_CHARS;
        StringBuilder huge = new StringBuilder(1 << 20);
        while (huge.length() < bound) {
            huge.append("They should all be sent back https://example.com/x?utm_source=a #tag @user ");
        }
        huge.setLength(bound);
        String prefix = huge.toString();
        while (huge.length() < (1 << 20)) {
            huge.append(" i will kill every one of them tomorrow https://other.example/y #elsewhere @someone");
        }

        // a generous limit, only so that a step that hangs fails here rather than stall the build
        Enrichment whole = assertTimeoutPreemptively(
                Duration.ofMinutes(2), () -> enricher.enrich(huge.toString(), Optional.empty()));

        assertThat(whole.language()).isEqualTo("en");
        assertThat(whole.urls()).containsExactly("https://example.com/x");
        assertThat(whole.text()).isEqualTo(huge.toString());
        assertThat(whole)
                .usingRecursiveComparison()
                .ignoringFields("text")
                .isEqualTo(enricher.enrich(prefix, Optional.empty()));
    }

    @Test
    void survivesBinaryGarbage() {
        Random random = new Random(42);
        for (int k = 0; k < 300; k++) {
            byte[] bytes = new byte[random.nextInt(4_096)];
            random.nextBytes(bytes);
            String asUtf8 = new String(bytes, StandardCharsets.UTF_8);
            String asLatin1 = new String(bytes, StandardCharsets.ISO_8859_1);
            char[] chars = new char[bytes.length / 2];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = (char) random.nextInt(Character.MAX_VALUE + 1);
            }
            for (String garbage : new String[] {asUtf8, asLatin1, new String(chars)}) {
                Enrichment e = enricher.enrich(garbage, Optional.empty());
                assertThat(e.category()).isIn("threat", "hateful", "offensive", "neutral");
                assertThat(e.languageConfidence()).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void returnsImmutableValues() {
        Enrichment e = enricher.enrich("see https://t.me/x #a @b", Optional.empty());
        assertThatThrownBy(() -> e.urls().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> e.scores().put("x", 1.0)).isInstanceOf(UnsupportedOperationException.class);
    }
}
