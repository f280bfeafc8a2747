package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The words before any end of a text, read in place, are the words of the trimmed and split copy before it. */
class OpeningWordsTest {

    private static final int LIMIT = 8;
    /** White space that splits words, control characters that only trim, a space that does neither, letters, a colon. */
    private static final char[] ALPHABET = {' ', ' ', '\t', '\n', '\u0001', '\u00A0', ':', 'A', 'a', 's', '\''};

    @Test
    void countsAndBoundsTheWordsBeforeEveryEndAsTrimAndSplitDo() {
        Random random = new Random(20261207);
        for (int round = 0; round < 3_000; round++) {
            char[] chars = new char[random.nextInt(30)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
            }
            String text = new String(chars);
            OpeningWords opening = new OpeningWords(text, LIMIT);
            for (int end = 0; end <= text.length(); end++) {
                String trimmed = text.substring(0, end).trim();
                String[] words = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
                int count = opening.countBefore(end);
                assertThat(count).as("%s before %d", text, end).isEqualTo(Math.min(words.length, LIMIT + 1));
                String[] read = new String[Math.min(count, LIMIT)];
                for (int w = 0; w < read.length; w++) {
                    read[w] = text.substring(opening.start(w), opening.end(w, end));
                }
                assertThat(read).as("%s before %d", text, end).containsExactly(Arrays.copyOf(words, read.length));
            }
        }
    }
}
