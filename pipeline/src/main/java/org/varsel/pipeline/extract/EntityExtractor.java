package org.varsel.pipeline.extract;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds URLs, hashtags and mentions in one pass over a signal text. Each list is de-duplicated in order of
 * first appearance; hashtags and mentions are lower case without '#' or '@'; platforms follow the URLs.
 * Reads at most {@link #MAX_CHARS} characters and keeps at most {@link #MAX_PER_KIND} of each kind.
 */
public final class EntityExtractor {

    public static final int MAX_CHARS = 64 * 1024;
    public static final int MAX_PER_KIND = 100;

    private EntityExtractor() {}

    public static ExtractedEntities extract(String text) {
        if (text == null || text.isEmpty()) {
            return ExtractedEntities.NONE;
        }
        int n = Math.min(text.length(), MAX_CHARS);
        Set<String> urls = new LinkedHashSet<>();
        Set<String> platforms = new LinkedHashSet<>();
        Set<String> hashtags = new LinkedHashSet<>();
        Set<String> mentions = new LinkedHashSet<>();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if ((c == 'h' || c == 'H' || c == 'w' || c == 'W') && TextScanner.startsUrl(text, i)) {
                int end = Math.min(TextScanner.urlEnd(text, i), n);
                if (urls.size() < MAX_PER_KIND) {
                    UrlCanonicaliser.canonicalise(text.substring(i, end)).ifPresent(url -> {
                        urls.add(url);
                        platforms.add(Platform.ofUrl(url).label());
                    });
                }
                i = Math.max(end, i + 1);
            } else if ((c == '#' || c == '\uFF03') && TextScanner.isHashtagStart(text, i)) {
                int end = Math.min(TextScanner.hashtagEnd(text, i), n);
                if (hashtags.size() < MAX_PER_KIND) {
                    hashtags.add(text.substring(i + 1, end).toLowerCase(Locale.ROOT));
                }
                i = end;
            } else if ((c == '@' || c == '\uFF20') && TextScanner.isHandleStart(text, i)) {
                int end = Math.min(TextScanner.handleEnd(text, i), n);
                if (mentions.size() < MAX_PER_KIND) {
                    Handles.canonical(text.substring(i + 1, end)).ifPresent(mentions::add);
                }
                i = end;
            } else {
                i++;
            }
        }
        return new ExtractedEntities(
                List.copyOf(urls), List.copyOf(platforms), List.copyOf(hashtags), List.copyOf(mentions));
    }
}
