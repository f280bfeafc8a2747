package org.varsel.desk.brief;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes personal data of partner staff and of victims out of free text (excerpts, explanations): configured patterns
 * (emails, phone numbers) and listed names. The reported accounts stay: a platform cannot act on a notice without them.
 */
public final class Redactor {
    private final Map<String, Pattern> patterns;

    /**
     * @param patterns label → pattern; a match becomes {@code [label redacted]}
     * @param names people to protect (victims, partner staff), matched whole-word and case-insensitively
     */
    public Redactor(Map<String, String> patterns, Collection<String> names) {
        Map<String, Pattern> compiled = new LinkedHashMap<>();
        patterns.forEach((label, regex) -> compiled.put(label, Pattern.compile(regex)));
        List<String> cleanNames =
                names.stream().map(String::trim).filter(n -> !n.isEmpty()).toList();
        if (!cleanNames.isEmpty()) {
            String alternatives = String.join(
                    "|",
                    cleanNames.stream()
                            .sorted(Comparator.comparingInt(String::length).reversed())
                            .map(Pattern::quote)
                            .toList());
            compiled.put(
                    "name",
                    Pattern.compile(
                            "(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
        this.patterns = compiled;
    }

    /** The text with every match replaced, except where it lies within one of the kept accounts. */
    public String redact(String text, Collection<String> keptAccounts) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<int[]> kept = occurrences(text, keptAccounts);
        List<Span> spans = new ArrayList<>();
        patterns.forEach((label, pattern) -> {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                if (m.end() > m.start() && !within(kept, m.start(), m.end())) {
                    spans.add(new Span(m.start(), m.end(), label));
                }
            }
        });
        spans.sort(Comparator.comparingInt(Span::start)
                .thenComparing(Comparator.comparingInt(Span::end).reversed()));
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Span span : spans) {
            if (span.start() < at) {
                continue;
            }
            out.append(text, at, span.start()).append('[').append(span.label()).append(" redacted]");
            at = span.end();
        }
        return out.append(text.substring(at)).toString();
    }

    private static List<int[]> occurrences(String text, Collection<String> accounts) {
        List<int[]> found = new ArrayList<>();
        for (String account : accounts) {
            if (account == null || account.isBlank()) {
                continue;
            }
            for (int i = 0; i + account.length() <= text.length(); i++) {
                if (text.regionMatches(true, i, account, 0, account.length())) {
                    found.add(new int[] {i, i + account.length()});
                }
            }
        }
        return found;
    }

    private static boolean within(List<int[]> kept, int start, int end) {
        return kept.stream().anyMatch(k -> k[0] <= start && end <= k[1]);
    }

    private record Span(int start, int end, String label) {}
}
