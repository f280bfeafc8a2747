package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Tlp;

/**
 * A hit's explanation quotes the matched words cleaned as the stream and regular expression before did (a control or
 * format character reads as a space, a run of spaces as one, no space at either end, at most 60 characters), and at
 * most five distinct ones.
 */
class DescriptionTemplateTest {

    private static final RulePack PACK = BundledRules.load();

    /** Spaces, controls, format characters, a no-break and wide spaces, a surrogate pair and lone halves, letters. */
    private static final String[] PIECES = {
        " ",
        "  ",
        "\t",
        "\n",
        "\r\n",
        "\u000B",
        "\f",
        "\u0085",
        "\u00A0",
        "\u2003",
        "\u3000",
        "\u2028",
        "\u1680",
        "\u200B",
        "\u200D",
        "\uFEFF",
        "\u00AD",
        "\uD83D\uDE00",
        "\uDB40\uDC01",
        "\uD83D",
        "\uDE00",
        "a",
        "kill",
        "Æbler",
        "ጥላቻ",
        "مرگ",
        "x".repeat(59),
        "y".repeat(61)
    };

    @Test
    void cleansMatchedTextAsTheStreamAndRegularExpressionDid() {
        List<String> texts = new ArrayList<>(RuleEngineEquivalenceTest.texts(PACK, 400));
        Random random = new Random(19);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int p = random.nextInt(8); p >= 0; p--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            texts.add(text.toString());
        }
        int changed = 0;
        for (String text : texts) {
            String reference = cleanedByStreamAndRegex(text);
            assertThat(DescriptionTemplate.clean(text)).as("%s", text).isEqualTo(reference);
            changed += reference.equals(text) ? 0 : 1;
        }
        assertThat(changed).as("texts cleaning changed").isGreaterThan(10_000);
    }

    @Test
    void quotesAtMostFiveDistinctMatchedWords() {
        List<MatchedTerm> six = new ArrayList<>();
        for (String word : List.of("a", "b", "a", "c", "d", "e", "f")) {
            six.add(new MatchedTerm(word, 0, 1));
        }
        assertThat(DescriptionTemplate.render(rule("Matched {matched}."), six.subList(0, 6), List.of()))
                .isEqualTo("Matched \"a\", \"b\", \"c\", \"d\", \"e\".");
        assertThat(DescriptionTemplate.render(rule("Matched {matched}."), six, List.of()))
                .isEqualTo("Matched \"a\", \"b\", \"c\", \"d\", \"e\", ....");
        assertThat(DescriptionTemplate.render(rule("Matched {matched}."), List.of(), List.of()))
                .isEqualTo("Matched .");
    }

    /** The cleaning before this session's loop, kept as the reference. */
    private static String cleanedByStreamAndRegex(String s) {
        String flat = s.codePoints()
                .map(cp -> Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT ? ' ' : cp)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .replaceAll("\\s+", " ")
                .strip();
        return flat.length() <= 60 ? flat : flat.substring(0, 60) + "...";
    }

    private static Rule rule(String description) {
        return new Rule(
                "r",
                "title",
                description,
                "kill",
                List.of(RuleLanguage.EN),
                "incitement",
                List.of(),
                3,
                Tlp.GREEN,
                RuleStatus.ACTIVE,
                "test",
                List.of(),
                null);
    }
}
