package org.varsel.pipeline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityExtractorTest {

    @Test
    void extractsCanonicalUrlsPlatformsHashtagsAndMentionsInOrderWithoutDuplicates() {
        ExtractedEntities e = EntityExtractor.extract(
                "RT @NewsBot: Watch https://youtu.be/abc?si=x and (https://t.me/chan/5). #Election2024 #election2024 "
                        + "via @newsbot @Other_One https://example.com/a#b");
        assertThat(e.urls()).containsExactly("https://youtu.be/abc", "https://t.me/chan/5", "https://example.com/a");
        assertThat(e.platforms()).containsExactly("youtube", "telegram", "web");
        assertThat(e.hashtags()).containsExactly("election2024");
        assertThat(e.mentions()).containsExactly("newsbot", "other_one");
    }

    @Test
    void trailingPunctuationIsNotPartOfAUrl() {
        assertThat(EntityExtractor.extract("see https://example.com/x. Or https://example.com/y, ok?")
                        .urls())
                .containsExactly("https://example.com/x", "https://example.com/y");
        assertThat(EntityExtractor.extract("wiki https://en.wikipedia.org/wiki/Foo_(bar) now")
                        .urls())
                .containsExactly("https://en.wikipedia.org/wiki/Foo_(bar)");
    }

    @Test
    void emailAddressesAndHtmlEntitiesAreNeitherMentionsNorHashtags() {
        ExtractedEntities e = EntityExtractor.extract("mail me at someone@example.com &#8220;quoted&#8221; a#b #1");
        assertThat(e.mentions()).isEmpty();
        assertThat(e.hashtags()).isEmpty();
    }

    @Test
    void recognisesUnicodeHashtagsAndFediverseHandles() {
        ExtractedEntities e =
                EntityExtractor.extract("#Grundlovsdag #København @alice@mastodon.social @bob.bsky.social.");
        assertThat(e.hashtags()).containsExactly("grundlovsdag", "københavn");
        assertThat(e.mentions()).containsExactly("alice@mastodon.social", "bob.bsky.social");
    }

    @Test
    void emptyAndNullTextHaveNoEntities() {
        assertThat(EntityExtractor.extract("")).isEqualTo(ExtractedEntities.NONE);
        assertThat(EntityExtractor.extract(null)).isEqualTo(ExtractedEntities.NONE);
    }

    @Test
    void handlesAreCanonicalisedLikeMentions() {
        assertThat(Handles.canonical("@SomeOne ")).contains("someone");
        assertThat(Handles.canonical("someone")).contains("someone");
        assertThat(Handles.canonical("@")).isEmpty();
        assertThat(Handles.canonical("two words")).isEmpty();
        assertThat(Handles.canonical(null)).isEmpty();
    }
}
