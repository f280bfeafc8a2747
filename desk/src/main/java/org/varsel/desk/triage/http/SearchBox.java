package org.varsel.desk.triage.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.varsel.desk.http.Problem;

/**
 * What an analyst typed into the queue's search box: filters written as the desk prints them ({@code partner:ngo-a},
 * {@code platform:tiktok}, {@code category:…}, {@code language:da}, {@code rule:…}, {@code handle:…} or
 * {@code @someone}) and the remaining words for full-text search. Inside quotes everything is words.
 */
record SearchBox(Map<String, String> filters, Optional<String> words) {
    private static final Pattern FILTER = Pattern.compile(
            "(partner|platform|category|language|rule|handle):([\\p{L}\\p{N}:#@._+-]{1,200})|@([\\p{L}\\p{N}._-]{1,200})");

    static SearchBox parse(Optional<String> query) {
        Map<String, String> filters = new HashMap<>();
        List<String> words = new ArrayList<>();
        boolean quoted = false;
        for (String token : query.orElse("").split("\\s+")) {
            Matcher filter = FILTER.matcher(token);
            if (!quoted && filter.matches()) {
                String name = filter.group(1) == null ? "handle" : filter.group(1);
                String value = filter.group(1) == null ? filter.group(3) : filter.group(2);
                if (filters.containsKey(name) && !filters.get(name).equals(value)) {
                    throw Problem.badRequest(
                            "the search names two values for " + name + ": " + filters.get(name) + ", " + value);
                }
                filters.put(name, value);
            } else if (!token.isEmpty()) {
                words.add(token);
            }
            quoted ^= token.chars().filter(c -> c == '"').count() % 2 == 1;
        }
        return new SearchBox(
                Map.copyOf(filters), words.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", words)));
    }

    /** The filter named in the search box, else the form's field; both, and different, is a 400. */
    Optional<String> filter(String name, Optional<String> field) {
        String typed = filters.get(name);
        if (typed != null && field.isPresent() && !field.get().equalsIgnoreCase(typed)) {
            throw Problem.badRequest(name + " is both " + field.get() + " (filter) and " + typed + " (search)");
        }
        return field.isPresent() ? field : Optional.ofNullable(typed);
    }
}
