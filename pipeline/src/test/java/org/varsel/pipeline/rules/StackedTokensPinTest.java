package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;

/**
 * The token streams (term, position, offsets, keyword flag, type) of every filter that stacks a token on a word, over
 * the training lines, the functional suite's texts and crafted edge cases, pinned by digests captured from the filters
 * as they were before they shared one base, and of the hashtag game marker (chained after them, as in documents) as it
 * was when it joined them ({@code stacked-tokens.golden}, written by {@code -Dvarsel.stacked.capture=true}). A file the project writes (the suite, the synthetic templates) is compared
 * while its content is the one captured; the public releases in data/training never change, so they always are.
 */
class StackedTokensPinTest {

    private static final Path GOLDEN =
            Path.of("src", "test", "resources", "org", "varsel", "pipeline", "rules", "stacked-tokens.golden");

    /** Copied unchanged from their public releases (data/training/NOTICE.md): always compared. */
    private static final List<String> RELEASED = List.of(
            "data/training/davidson/labeled_data.csv",
            "data/training/dkhate/oe20da_data_offenseval-da-training-v1.tsv",
            "data/training/hatexplain/hatexplain_train_val.tsv",
            "data/training/jigsaw/jigsaw_toxic_sample.csv",
            "data/training/stormfront/stormfront.tsv");

    /** Written by the project and edited by it: compared while unchanged since the capture. */
    private static final List<String> PROJECT_WRITTEN = List.of(
            "data/training/varsel-synthetic/templates.tsv",
            "data/training/varsel-synthetic/slots.tsv",
            "data/training/varsel-synthetic/candidates-classifier-2026-12-06.tsv",
            "data/functional/suite-en.tsv",
            "data/functional/suite-da.tsv",
            "data/functional/templates-en.tsv",
            "data/functional/templates-da.tsv");

    /** Stacked twice at one position, quotes, hashtags, names, Danish letters, nothing at all. */
    static final List<String> CRAFTED = List.of(
            "",
            " ",
            "haenges",
            "Haenges hænges HÆNGES haengges",
            "de skal haenges paa torvet, koeller og koeller",
            "paa på paaa poesi Aarhus aa",
            "I'll find Karen Holm and cut her throat",
            "Someone should shoot @lars_vinther before the vote",
            "Law student: ‘I’ll kill you all’ #StarWarsMovie",
            "He yelled 'I will kill you' and left #TheGodfather #KillBill",
            "Trump: I want to kick out everyone. Y'all: no",
            "#KarenHolmSong Karen #Karen @Karen",
            "Man Arrested After Threat To Kill Migrants",
            "kill KILL Kill kíííllíng =kill",
            "https://t.co/DgNyBdfBHk Amira www.Example.com",
            "KILL KAREN HOLM'S DOG AND JIM WALES MUST DIE");

    /**
     * Hashtag games' prompts, opening the text or not, and hashtags too short or not opening as a game does: no line of
     * the corpus files opens with a hashtag, so these are the only texts on which the game marker can move.
     */
    static final List<String> GAMES = List.of(
            "#IfIHadABodyDouble I'd send it to kill my boss",
            " '#ThingsIWouldDoForMoney: shoot Karen Holm",
            ".#TheTroubleWithMondays #KillBill",
            "#IfOnly they were dead",
            "#KillAllTheMondays now",
            "Today #IfIWerePresident I would hang them all",
            "#ifiwerepresident hang them");

    /**
     * Lands and given names of the pack's lexicons, fixed here so that the pin does not move with the repository's
     * lexicons.
     */
    private static final PersonNameFilter.NameWords NAMES = new PersonNameFilter.NameWords(
            Set.of("sweden", "sverige", "germany", "danmark", "norge", "england"),
            Set.of("karen", "lars", "jim", "amira", "john", "mary"));

    /**
     * The repository's words of slogans and greetings after a saying ({@link QuotedSpeechFilter#NOT_AN_AUTHOR}): the
     * filter's own list when the pin was captured, a lexicon since session 25; an edit of it that moves a marker on
     * these texts is a change to recapture.
     */
    private static final Set<String> NOT_AN_AUTHOR = QuotedSpeechFilter.notAnAuthorIn(RepositoryRules.lexicons());

    /** Words some rule writes as written, folded. */
    private static final Set<String> WRITTEN = Stream.of(
                    "haenges", "hænges", "kill", "på", "koeller", "die", "them", "shot", "dræbe", "skydes", "fuck")
            .map(AsWritten::fold)
            .collect(Collectors.toUnmodifiableSet());

    /**
     * The marker filters in their order in documents, each seeing the others' markers; the as-written filter alone and
     * after the Danish letters, which stack a second spelling on the word it reads (after lower case, as in documents).
     */
    static Map<String, Analyzer> filters() {
        Map<String, Analyzer> filters = new LinkedHashMap<>();
        filters.put(
                "markers",
                new OneFilter((ts, text) -> new HashtagGameFilter(
                        new TitleHashtagFilter(
                                new QuotedSpeechFilter(
                                        new PersonNameFilter(ts, text::get, NAMES), text::get, NOT_AN_AUTHOR),
                                text::get),
                        text::get)));
        filters.put("as-written", new OneFilter((ts, text) -> new AsWrittenFilter(new LowerCaseFilter(ts), WRITTEN)));
        filters.put(
                "danish+as-written",
                new OneFilter(
                        (ts, text) -> new AsWrittenFilter(new DanishLettersFilter(new LowerCaseFilter(ts)), WRITTEN)));
        return filters;
    }

    @Test
    void everyStackingFilterGivesTheStreamsCapturedBeforeTheyShareABase() throws IOException {
        Map<String, List<String>> sources = sources();
        List<String> now = new ArrayList<>();
        for (Map.Entry<String, Analyzer> filter : filters().entrySet()) {
            for (Map.Entry<String, List<String>> source : sources.entrySet()) {
                now.add(filter.getKey() + "\t" + source.getKey() + "\t" + digest(filter.getValue(), source.getValue()));
            }
        }
        if (Boolean.getBoolean("varsel.stacked.capture")) {
            Files.write(GOLDEN, now);
        }
        List<String> golden = Files.readAllLines(GOLDEN);
        List<String> compared = now.stream()
                .filter(line -> golden.stream().anyMatch(g -> key(g).equals(key(line))))
                .collect(Collectors.toList());
        List<String> expected = golden.stream()
                .filter(g -> compared.stream().anyMatch(line -> key(g).equals(key(line))))
                .collect(Collectors.toList());
        assertThat(compared).containsExactlyElementsOf(expected);
        assertThat(compared.stream().map(StackedTokensPinTest::source).distinct())
                .as("the released training files, the crafted cases and the games are always compared")
                .containsAll(RELEASED)
                .contains("crafted", "games");
    }

    @Test
    void aStreamResetBeforeItsStackedTokenDoesNotGiveThatTokenToTheNextText() throws IOException {
        for (Map.Entry<String, Analyzer> filter : filters().entrySet()) {
            Analyzer analyzer = filter.getValue();
            String stacking = "de skal haenges: 'Karen #StarWarsMovie'";
            try (TokenStream ts = analyzer.tokenStream("text", stacking)) {
                ts.reset();
                ts.incrementToken();
                ts.incrementToken();
                ts.incrementToken();
            }
            assertThat(stream(analyzer, "ok")).as(filter.getKey()).containsExactly("ok\t1\t0\t2\tfalse\t<ALPHANUM>\t1");
            assertThat(stream(analyzer, "")).as(filter.getKey()).isEmpty();
        }
    }

    @Test
    void aWordGetsItsAsWrittenTermOnceThoughItsDanishSpellingIsStackedOnIt() throws IOException {
        assertThat(stream(filters().get("danish+as-written"), "haenges nu"))
                .containsExactly(
                        "haenges\t1\t0\t7\tfalse\t<ALPHANUM>\t1",
                        "=haenges\t0\t0\t7\ttrue\t<ALPHANUM>\t1",
                        "hænges\t0\t0\t7\tfalse\t<ALPHANUM>\t1",
                        "nu\t1\t8\t10\tfalse\t<ALPHANUM>\t1");
        assertThat(stream(filters().get("markers"), "hi Karen"))
                .containsExactly(
                        "hi\t1\t0\t2\tfalse\t<ALPHANUM>\t1",
                        "Karen\t1\t3\t8\tfalse\t<ALPHANUM>\t1",
                        "_person_\t0\t3\t8\ttrue\t<ALPHANUM>\t1");
    }

    private static String key(String line) {
        int second = line.indexOf('\t', line.indexOf('\t') + 1);
        return line.substring(0, second);
    }

    private static String source(String line) {
        return line.split("\t")[1];
    }

    /** The lines of every corpus file (a project-written one keyed by its content), and the crafted cases. */
    private static Map<String, List<String>> sources() throws IOException {
        Map<String, List<String>> sources = new LinkedHashMap<>();
        sources.put("crafted", CRAFTED);
        sources.put("games", GAMES);
        for (String file : RELEASED) {
            sources.put(file, Files.readAllLines(Path.of("..").resolve(file)));
        }
        for (String file : PROJECT_WRITTEN) {
            byte[] bytes = Files.readAllBytes(Path.of("..").resolve(file));
            sources.put(
                    file + "@" + HexFormat.of().formatHex(sha256(bytes), 0, 8),
                    List.of(new String(bytes, StandardCharsets.UTF_8).split("\n", -1)));
        }
        return sources;
    }

    /** How many tokens, how many of them stacked (position increment 0), and a digest of them all. */
    private static String digest(Analyzer analyzer, List<String> texts) throws IOException {
        MessageDigest digest = sha256();
        long tokens = 0;
        long stacked = 0;
        for (String text : texts) {
            for (String token : stream(analyzer, text)) {
                tokens++;
                if (token.split("\t")[1].equals("0")) {
                    stacked++;
                }
                digest.update(token.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            digest.update((byte) 0);
        }
        return tokens + "\t" + stacked + "\t" + HexFormat.of().formatHex(digest.digest());
    }

    /** Each token as term, position increment, start and end offset, keyword flag, type, position length. */
    static List<String> stream(Analyzer analyzer, String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            KeywordAttribute keyword = ts.addAttribute(KeywordAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            PositionLengthAttribute length = ts.addAttribute(PositionLengthAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                tokens.add(term + "\t" + increment.getPositionIncrement() + "\t" + offset.startOffset() + "\t"
                        + offset.endOffset() + "\t" + keyword.isKeyword() + "\t" + type.type() + "\t"
                        + length.getPositionLength());
            }
            ts.end();
        }
        return tokens;
    }

    private static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The standard tokenizer and the filters under test, reused from text to text as the rule analyzers are. */
    private static final class OneFilter extends Analyzer {
        private final BiFunction<Tokenizer, TextHolder, TokenStream> filters;

        OneFilter(BiFunction<Tokenizer, TextHolder, TokenStream> filters) {
            this.filters = filters;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            TextHolder text = new TextHolder();
            return new TokenStreamComponents(
                    reader -> {
                        text.read(reader);
                        tokenizer.setReader(new StringReader(text.get()));
                    },
                    filters.apply(tokenizer, text));
        }
    }

    /** The text the tokenizer reads, for the filters that look at the text around a token. */
    private static final class TextHolder {
        private String text = "";

        void read(Reader reader) {
            try {
                StringBuilder s = new StringBuilder();
                char[] buffer = new char[4096];
                for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                    s.append(buffer, 0, n);
                }
                text = s.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String get() {
            return text;
        }
    }
}
