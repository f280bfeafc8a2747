package org.varsel.pipeline.rules;

import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenStream;

/**
 * Stacks the token {@value #TOKEN} on a hashtag that names a work — a film, a song, a book, a show — or its genre
 * ("#AddAMovieRuinAMovie", "#SongsThatMakeYouCry", "#NowPlaying", "#Reggae"), so that a context rule can read the
 * violent words beside it as the work's title or lyrics ("Drop Dead Fred", "A Time to Kill", "Watch Your Back"), not
 * as the author's threat. The hashtag's words are read from its capitals ("AddAMovieRuinAMovie": add, a, movie, ruin,
 * a, movie).
 *
 * <p>Placed straight after the tokenizer, where tokens are substrings of the text it read (as {@link
 * QuotedSpeechFilter}); documents only.
 */
final class TitleHashtagFilter extends TextMarkerFilter {

    /** The synthetic token context rules write for "a hashtag that names a work or its genre". */
    static final String TOKEN = "_title_";

    /** Words of a hashtag that name a work, a kind of work or a genre of music. Lower case, singular. */
    private static final Set<String> WORK_WORDS = Set.of(
            "movie",
            "film",
            "song",
            "lyric",
            "album",
            "book",
            "novel",
            "title",
            "sitcom",
            "cartoon",
            "tv",
            "playlist",
            "podcast",
            "trailer",
            "nowplaying",
            "np",
            "music",
            "reggae",
            "riddim",
            "hiphop",
            "dancehall");

    /** Where a hashtag's words meet, read from its capitals and digits. */
    static final Pattern CAMEL_CASE = Pattern.compile(
            "(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})|(?<=\\p{L})(?=\\p{N})|(?<=\\p{N})(?=\\p{L})");

    /** {@code text} gives the text the tokenizer reads (after obfuscation folding), once the first token is read. */
    TitleHashtagFilter(TokenStream in, Supplier<String> text) {
        super(in, TOKEN, text);
    }

    @Override
    boolean marks(String word) {
        int start = positions.find(word);
        return start > 0 && positions.text().charAt(start - 1) == '#' && namesAWork(word);
    }

    /** True when the words of {@code hashtag} (without its '#') name a work, a kind of work or a genre of music. */
    static boolean namesAWork(String hashtag) {
        for (String part : CAMEL_CASE.split(hashtag)) {
            String w = part.toLowerCase(Locale.ROOT);
            if (WORK_WORDS.contains(w) || (w.endsWith("s") && WORK_WORDS.contains(w.substring(0, w.length() - 1)))) {
                return true;
            }
        }
        return WORK_WORDS.contains(hashtag.toLowerCase(Locale.ROOT));
    }
}
