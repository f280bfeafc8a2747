package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Emoji written between a phrase's words, spaced or glued to them, take no word position in the bundled rules'
 * analysis ({@link EmojiDroppingFilter}): the text hits the same rules as the same words without the emoji, and friendly
 * words with the same emoji stay friendly.
 */
class EmojiBetweenWordsTest {

    private static final RuleEngine engine = RepositoryRules.engine();

    private static Set<String> rulesHit(String text, String language) {
        return engine.match(text, Optional.of(language)).hits().stream()
                .map(RuleHit::ruleId)
                .collect(Collectors.toSet());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "en | I 🔪 will 😡 kill 💀 you | I will kill you",
                "en | I will kill💀you | I will kill you",
                "en | I will 😡😡 kill 👊🏼 you 🔪 | I will kill you",
                "da | Jeg 😡 slår 🔪 dig 💀 ihjel | Jeg slår dig ihjel",
                "da | jeg slår dig👊🏼ihjel | jeg slår dig ihjel",
                "da | Jeg klapper👏🏻👊🏼alle dine venner i gulvet | Jeg klapper alle dine venner i gulvet"
            })
    void hitsTheRulesOfTheSameWordsWithoutTheEmoji(String language, String withEmoji, String plain) {
        assertThat(rulesHit(plain, language)).as(plain).isNotEmpty();
        assertThat(rulesHit(withEmoji, language)).as(withEmoji).isEqualTo(rulesHit(plain, language));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"I 🔪 will 😡 cook 💀 for you", "I will bake💀you a cake", "love💀you 😂 see you 🔪 tonight"})
    void friendlyWordsWithTheSameEmojiHitNoThreatRule(String text) {
        assertThat(rulesHit(text, "en")).as(text).isEmpty();
    }
}
