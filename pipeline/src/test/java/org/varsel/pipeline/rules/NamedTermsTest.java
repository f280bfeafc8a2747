package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The numbering of the terms rules and lexicons name, and which of them a document holds. */
class NamedTermsTest {

    private static final List<String> FIELDS = List.of("text_en", "text_da", "text");

    @Test
    void aDocumentHoldsExactlyTheNamedTermsOfItsFieldsThatAMapOfEveryFieldsTermsFinds() throws IOException {
        // words from a few letters, so that fields share words and the tables grow through many sizes
        Random random = new Random(24);
        NamedTerms named = new NamedTerms();
        Map<String, Map<BytesRef, Integer>> reference = new HashMap<>();
        List<String> vocabulary = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String field = FIELDS.get(random.nextInt(FIELDS.size()));
            String word = word(random);
            vocabulary.add(word);
            BytesRef term = new BytesRef(word);
            int expected = reference
                    .computeIfAbsent(field, f -> new HashMap<>())
                    .computeIfAbsent(BytesRef.deepCopyOf(term), t -> named.size());
            assertThat(named.number(field, term)).as("%s:%s", field, word).isEqualTo(expected);
        }
        assertThat(named.size()).isGreaterThan(5_000);
        // a term numbered before keeps its number, from a BytesRef that is a slice of a larger array
        for (Map.Entry<String, Map<BytesRef, Integer>> field : reference.entrySet()) {
            for (Map.Entry<BytesRef, Integer> term : field.getValue().entrySet()) {
                byte[] padded = new byte[term.getKey().length + 3];
                System.arraycopy(term.getKey().bytes, term.getKey().offset, padded, 2, term.getKey().length);
                BytesRef slice = new BytesRef(padded, 2, term.getKey().length);
                assertThat(named.number(field.getKey(), slice)).isEqualTo(term.getValue());
            }
        }
        int held = 0;
        for (int d = 0; d < 500; d++) {
            MemoryIndex index = new MemoryIndex();
            for (String field : FIELDS) {
                StringBuilder text = new StringBuilder();
                for (int w = random.nextInt(40); w > 0; w--) {
                    text.append(random.nextBoolean() ? vocabulary.get(random.nextInt(vocabulary.size())) : word(random))
                            .append(' ');
                }
                index.addField(field, text.toString(), new WhitespaceAnalyzer());
            }
            IndexReader reader = index.createSearcher().getIndexReader();
            NamedTerms.Held found = named.read(reader);
            TreeSet<Integer> expected = new TreeSet<>();
            for (String field : FIELDS) {
                var terms = reader.leaves().get(0).reader().terms(field);
                if (terms == null) {
                    continue;
                }
                var e = terms.iterator();
                for (BytesRef term = e.next(); term != null; term = e.next()) {
                    Integer number = reference.getOrDefault(field, Map.of()).get(term);
                    if (number != null) {
                        expected.add(number);
                    }
                }
            }
            int[] numbers = found.numbers().clone();
            Arrays.sort(numbers);
            assertThat(numbers)
                    .isEqualTo(expected.stream().mapToInt(Integer::intValue).toArray());
            assertThat(found.present().cardinality()).isEqualTo(expected.size());
            expected.forEach(n -> assertThat(found.present().get(n)).isTrue());
            held += expected.size();
        }
        assertThat(held).as("named terms found in the documents").isGreaterThan(2_000);
    }

    /** A word of one to six letters of five. */
    private static String word(Random random) {
        StringBuilder w = new StringBuilder();
        for (int n = 1 + random.nextInt(6); n > 0; n--) {
            w.append("abcdé".charAt(random.nextInt(5)));
        }
        return w.toString();
    }
}
