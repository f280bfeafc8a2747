package org.varsel.desk.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The queue's web-search syntax (words, {@code "a phrase"}, {@code or}, {@code -word}) as a PostgreSQL tsquery
 * expression over {@code varsel_search_term} (V15): each term matches in any of its forms (as written, English stem,
 * Danish stem), and a negated term excludes all of them. PostgreSQL's own {@code websearch_to_tsquery} works in one
 * configuration only; or-ing three of them would let "-migrant" through whenever one form is absent.
 *
 * @param sql the expression, with one {@code ?} per term
 * @param terms the terms, bound in order
 */
record SearchQuery(String sql, List<String> terms) {
    private static final Pattern TOKEN = Pattern.compile("(-?)(\"[^\"]*\"?|[^\\s\"]+)");

    static SearchQuery parse(String query) {
        List<List<String>> anyOf = new ArrayList<>();
        List<String> allOf = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        Matcher token = TOKEN.matcher(query);
        while (token.find()) {
            String text = token.group(2);
            boolean phrase = text.startsWith("\"");
            if (!phrase
                    && text.toLowerCase(Locale.ROOT).equals("or")
                    && token.group(1).isEmpty()) {
                if (!allOf.isEmpty()) {
                    anyOf.add(allOf);
                    allOf = new ArrayList<>();
                }
                continue;
            }
            String term = phrase ? text.replace("\"", "").strip() : text;
            if (term.isEmpty()) {
                continue;
            }
            terms.add(term);
            allOf.add((token.group(1).isEmpty() ? "" : "!!") + "varsel_search_term(?)");
        }
        if (!allOf.isEmpty()) {
            anyOf.add(allOf);
        }
        List<String> groups = anyOf.stream()
                .map(group -> "(" + String.join(" && ", group) + ")")
                .toList();
        return new SearchQuery(
                groups.isEmpty() ? "varsel_search_term('')" : "(" + String.join(" || ", groups) + ")", terms);
    }
}
