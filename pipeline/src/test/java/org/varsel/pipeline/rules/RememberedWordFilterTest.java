package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * A remembered word must give exactly the tokens the filters give it: same words, positions, offsets, type and keyword
 * flag, in every field, the first time and every time after, for words that are repaired, stemmed, stacked with
 * {@code _person_}, folded or dropped. A wrong replay would change what rules match without any rule test noticing
 * (the frozen reference engines analyse through the same class, so they are built without the memory).
 */
class RememberedWordFilterTest {

    private static final List<String> FIELDS =
            Stream.of(RuleLanguage.values()).map(RuleLanguage::field).distinct().toList();

    @Test
    void replaysExactlyWhatTheFiltersMakeOfEveryWord() throws IOException {
        Analyzer remembering = RuleAnalyzer.forDocuments(List.of());
        Analyzer filtering = RuleAnalyzer.perField(true, false, List.of());
        List<String> texts = texts();
        int tokens = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (String text : texts) {
                for (String field : FIELDS) {
                    List<String> expected = tokens(filtering, field, text);
                    assertThat(tokens(remembering, field, text))
                            .as("%s in %s, pass %d", text, field, pass)
                            .isEqualTo(expected);
                    tokens += expected.size();
                }
            }
        }
        assertThat(tokens).as("tokens compared").isGreaterThan(50_000);
    }

    /**
     * Each case of a word ("Shoot", "SHOOT", "shoot") must get the tokens the filters give it, whichever case the memory
     * saw first, with the pack's as-written terms on ({@code =says} is a keyword, the word under it is not: the replay
     * gave it the word's flag). What reads case runs before the memory and stays in the stream: names, sentence starts,
     * shouting. A memory keyed in lower case must fold as Lucene does, per character: keyed by {@code
     * String.toLowerCase(Locale.ROOT)}, "İSTANBUL" shares "i̇stanbul"'s key (i and a combining dot) though
     * LowerCaseFilter makes it "istanbul".
     */
    @Test
    void aWordGetsItsOwnTokensWhicheverCaseTheMemorySawFirst() throws IOException {
        RulePack pack = RepositoryRules.pack();
        List<String> texts = List.of(
                "Karen Holm says we should Shoot them. I'll find John's house, Mohammed.",
                "De skal skydes ned. Så slår jeg Lars ihjel, og hænger ham op.",
                "İstanbul i\u0307stanbul istanbul Istanbul Οδος οδος οδοσ",
                "Kill K\u212Aill Kıll kill Straße Stra\u1E9Ee \u01C5 \u01C6 \u01C4",
                "They are kíííllíng us, sooo many raaaats, willkillevery one of them");
        int tokens = 0;
        for (boolean lowerFirst : new boolean[] {true, false}) {
            Analyzer remembering = RuleAnalyzer.forDocuments(pack);
            Analyzer filtering = RuleAnalyzer.perField(true, false, pack.lexicons(), AsWritten.wordsIn(pack));
            for (String text : texts) {
                String lower = text.toLowerCase(Locale.ROOT);
                String upper = text.toUpperCase(Locale.ROOT);
                for (String asWritten : lowerFirst ? List.of(lower, text, upper) : List.of(upper, text, lower)) {
                    for (String field : FIELDS) {
                        List<String> expected = tokens(filtering, field, asWritten);
                        assertThat(tokens(remembering, field, asWritten))
                                .as("%s in %s", asWritten, field)
                                .isEqualTo(expected);
                        tokens += expected.size();
                    }
                }
            }
        }
        assertThat(tokens).as("tokens compared").isGreaterThan(1_000);
    }

    /**
     * Every letter that has a lower case, in a word before and after the word with its lower case, Lucene's and Java's:
     * the remembered tokens are the filters' tokens for the whole of Unicode's case table, not only the letters above.
     */
    @Test
    void everyCasedLetterGetsItsOwnTokens() throws IOException {
        StringBuilder upperFirst = new StringBuilder();
        StringBuilder lowerFirst = new StringBuilder();
        int cased = 0;
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            int lower = Character.toLowerCase(c);
            if (lower != c && Character.isLetter(c)) {
                String word = "k" + Character.toString(c) + "ills";
                String lowered = "k" + Character.toString(lower) + "ills";
                String javaLowered = word.toLowerCase(Locale.ROOT);
                upperFirst.append(String.join(" ", word, lowered, javaLowered, ""));
                lowerFirst.append(String.join(" ", javaLowered, lowered, word, ""));
                cased++;
            }
        }
        assertThat(cased).as("characters with a lower case").isGreaterThan(1_000);
        for (String text : List.of(upperFirst.toString(), lowerFirst.toString())) {
            Analyzer remembering = RuleAnalyzer.forDocuments(List.of());
            Analyzer filtering = RuleAnalyzer.perField(true, false, List.of());
            for (String field : FIELDS) {
                assertThat(tokens(remembering, field, text)).as(field).isEqualTo(tokens(filtering, field, text));
            }
        }
    }

    @Test
    void theMemoryStaysBounded() throws IOException {
        RememberedWordFilter.Memory memory = new RememberedWordFilter.Memory();
        Analyzer analyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                WhitespaceTokenizer tokenizer = new WhitespaceTokenizer();
                return new TokenStreamComponents(
                        tokenizer, new RememberedWordFilter(tokenizer, memory, LowerCaseFilter::new));
            }
        };
        StringBuilder junk = new StringBuilder();
        for (int i = 0; i < RememberedWordFilter.MAX_REMEMBERED * 2; i++) {
            junk.append("w").append(i).append(' ');
        }
        List<String> out = tokens(analyzer, "text", junk.toString());
        assertThat(out).as("every word and the end").hasSize(RememberedWordFilter.MAX_REMEMBERED * 2 + 1);
        assertThat(memory.size()).isBetween(1, RememberedWordFilter.MAX_REMEMBERED);
    }

    /**
     * 24,000 words in turn, more than one generation of the two-generation memory held (16,384), fewer than this memory
     * holds: each is filtered once, however often it comes back. The generations copied every word read from the old
     * one into the young one, which then filled and dropped words still in use (this failed there: 45,693 filtered).
     */
    @Test
    void aVocabularyLargerThanOneGenerationIsFilteredOnce() throws IOException {
        CountingMemory counting = new CountingMemory();
        String words = words("w", 24_000);
        for (int pass = 0; pass < 3; pass++) {
            tokens(counting.analyzer, "text", words);
        }
        assertThat(counting.filtered[0]).isEqualTo(24_000);
    }

    /**
     * 60,000 words in turn, a working set of a stream's vocabulary that outgrew the 32,768 words remembered until
     * session 27 (this failed there: 180,000 filtered, every word on every pass): each is filtered once, however often
     * it comes back.
     */
    @Test
    void aVocabularyOfSixtyThousandWordsIsFilteredOnce() throws IOException {
        CountingMemory counting = new CountingMemory();
        String words = words("w", 60_000);
        for (int pass = 0; pass < 3; pass++) {
            tokens(counting.analyzer, "text", words);
        }
        assertThat(counting.filtered[0]).isEqualTo(60_000);
    }

    /** Words in steady use stay remembered while a stream of words seen once fills the memory over and over. */
    @Test
    void wordsInUseOutliveAStreamOfWordsSeenOnce() throws IOException {
        CountingMemory counting = new CountingMemory();
        String inUse = words("common", 1_000);
        for (int round = 0; round < 100; round++) {
            tokens(counting.analyzer, "text", inUse + words("junk" + round + "x", 2_000));
        }
        assertThat(counting.filtered[0])
                .as("1,000 words filtered once, 200,000 junk words once each")
                .isEqualTo(1_000 + 200_000);
        assertThat(counting.memory.size()).isLessThanOrEqualTo(RememberedWordFilter.MAX_REMEMBERED);
    }

    /** A memory behind whitespace tokens whose per-word filter counts the words it is given. */
    private static final class CountingMemory {
        final RememberedWordFilter.Memory memory = new RememberedWordFilter.Memory();
        final int[] filtered = new int[1];
        final Analyzer analyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                WhitespaceTokenizer tokenizer = new WhitespaceTokenizer();
                UnaryOperator<TokenStream> counted = in -> new TokenFilter(in) {
                    @Override
                    public boolean incrementToken() throws IOException {
                        if (!input.incrementToken()) {
                            return false;
                        }
                        filtered[0]++;
                        return true;
                    }
                };
                return new TokenStreamComponents(tokenizer, new RememberedWordFilter(tokenizer, memory, counted));
            }
        };
    }

    private static String words(String prefix, int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.append(prefix).append(i).append(' ');
        }
        return b.toString();
    }

    /**
     * Words whose hashes collide ("Aa", "BB"), a word after a longer one left in the token's buffer ("kill" after
     * "killing"), and the same word as a keyword and not (the stemmer leaves keywords alone) each keep their own replay.
     */
    @Test
    void wordsThatShareAHashABufferOrTheirLettersKeepTheirOwnReplays() throws IOException {
        String text = "Aa BB killing kill Aa BB kill killing kills kills runs runs Aa BB";
        assertThat(tokens(everySecondWordAKeyword(true), "text", text + " " + text))
                .isEqualTo(tokens(everySecondWordAKeyword(false), "text", text + " " + text));
    }

    /** Whitespace words, every second one a keyword, lower-cased and stemmed, with or without the memory. */
    private static Analyzer everySecondWordAKeyword(boolean remembers) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                WhitespaceTokenizer tokenizer = new WhitespaceTokenizer();
                TokenStream marked = new TokenFilter(tokenizer) {
                    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
                    private boolean mark;

                    @Override
                    public boolean incrementToken() throws IOException {
                        if (!input.incrementToken()) {
                            return false;
                        }
                        keyword.setKeyword(mark);
                        mark = !mark;
                        return true;
                    }

                    @Override
                    public void reset() throws IOException {
                        super.reset();
                        mark = false;
                    }
                };
                UnaryOperator<TokenStream> perWord =
                        in -> new SnowballFilter(new LowerCaseFilter(in), new EnglishStemmer());
                return new TokenStreamComponents(
                        tokenizer,
                        remembers
                                ? new RememberedWordFilter(marked, new RememberedWordFilter.Memory(), perWord)
                                : perWord.apply(marked));
            }
        };
    }

    /** Each token as "term +increment [start,end) type keyword". */
    private static List<String> tokens(Analyzer analyzer, String field, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            KeywordAttribute keyword = ts.addAttribute(KeywordAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + " +" + increment.getPositionIncrement() + " [" + offset.startOffset() + ","
                        + offset.endOffset() + ") " + type.type() + (keyword.isKeyword() ? " keyword" : ""));
            }
            ts.end();
            out.add("end +" + increment.getPositionIncrement() + " " + offset.endOffset());
        }
        return out;
    }

    /** The equivalence test's texts (examples, obfuscated variants, mixes) and words run together, names, scripts. */
    private static List<String> texts() {
        RulePack pack = RepositoryRules.pack();
        List<String> texts = new ArrayList<>(RuleEngineEquivalenceTest.texts(pack, 200));
        texts.addAll(List.of(
                "willkillevery one of them, klil the migrants, kll them all",
                "Vi skal dræbe alle indvandrerne, dærbe dem, indvandrerpak",
                "@karen_holm Karen Holm should be shot. I'll find John's house",
                "They are kíííllíng us, sooo many raaaats",
                "ကျွန်ုပ်တို့ သူတို့ကို သတ်မယ် ذبح اليهود  ግደሉ 杀死他们 ฆ่าพวกมัน",
                "\u200b\u0301 ' - ** ... ###"));
        return texts;
    }
}
