package org.varsel.desk.brief;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.varsel.contract.CategoryNames;
import org.varsel.contract.Tier;
import org.varsel.desk.brief.model.Brief;

/**
 * Why an incident is reported, in words a platform's reviewer reads in a minute: what was posted, by how many
 * accounts, what it is, whom it targets, what the rules recognised, and one post quoted. Built only from what the
 * brief cites, so it never says more than the evidence the audience may receive; no scores or severity arithmetic.
 */
final class PlainSummary {
    private static final int QUOTE = 200;
    private static final DateTimeFormatter DAY_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final Map<String, String> THREAT_DETAILS =
            Map.of("time", "a time", "place", "a place", "means", "a means");

    private PlainSummary() {}

    /** What the summary is written from: the cited items, and labels already filtered for the audience. */
    record Facts(
            List<Brief.Item> items,
            List<String> categories,
            List<String> targetGroups,
            List<String> ruleTitles,
            List<String> tcap,
            Tier tier) {}

    static String of(Facts facts) {
        List<Brief.Item> items = facts.items();
        long accounts = items.stream()
                .map(Brief.Item::account)
                .filter(Objects::nonNull)
                .distinct()
                .count();
        List<String> platforms = items.stream()
                .map(Brief.Item::platform)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Instant first = items.stream()
                .map(Brief.Item::observedAt)
                .filter(Objects::nonNull)
                .min(Instant::compareTo)
                .orElse(null);
        Instant last = items.stream()
                .map(Brief.Item::observedAt)
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(null);
        StringBuilder text = new StringBuilder();
        text.append(count(items.size(), "post")).append(" by ").append(count(accounts, "account"));
        if (!platforms.isEmpty()) {
            text.append(" on ").append(and(platforms));
        }
        if (first != null) {
            text.append(
                    first.equals(last)
                            ? ", seen " + DAY_TIME.format(first)
                            : ", seen between " + DAY_TIME.format(first) + " and " + DAY_TIME.format(last));
        }
        text.append('.');
        if (!facts.categories().isEmpty()) {
            text.append(" The desk reads them as ")
                    .append(and(facts.categories().stream()
                            .map(c -> CategoryNames.name(c).toLowerCase(java.util.Locale.ROOT))
                            .toList()));
            if (!facts.targetGroups().isEmpty()) {
                text.append(", aimed at ").append(and(facts.targetGroups()));
            }
            text.append('.');
        } else if (!facts.targetGroups().isEmpty()) {
            text.append(" They are aimed at ").append(and(facts.targetGroups())).append('.');
        }
        if (!facts.ruleTitles().isEmpty()) {
            text.append(" What the desk's rules recognised in them: ")
                    .append(and(facts.ruleTitles().stream()
                            .map(t -> "\u201c" + t + "\u201d")
                            .toList()))
                    .append('.');
        }
        if (facts.tier() == Tier.THREAT_TO_LIFE) {
            List<String> details = facts.tcap().stream()
                    .map(THREAT_DETAILS::get)
                    .filter(Objects::nonNull)
                    .toList();
            text.append(" It may threaten someone's life")
                    .append(details.isEmpty() ? "" : ": it names " + and(details))
                    .append('.');
        }
        items.stream()
                .filter(i -> i.excerpt() != null && !i.excerpt().isBlank())
                .findFirst()
                .ifPresent(example -> {
                    text.append(" For example, ").append(example.account() == null ? "one account" : example.account());
                    if (example.observedAt() != null) {
                        text.append(" wrote on ").append(DAY_TIME.format(example.observedAt()));
                    } else {
                        text.append(" wrote");
                    }
                    text.append(": \u201c").append(quote(example.excerpt())).append('\u201d');
                    if (!example.matchedTerms().isEmpty()) {
                        text.append(" (matched: ")
                                .append(String.join(", ", example.matchedTerms()))
                                .append(')');
                    }
                    text.append('.');
                });
        return text.toString();
    }

    private static String quote(String excerpt) {
        String oneLine = excerpt.replaceAll("\\s+", " ").strip();
        return oneLine.codePointCount(0, oneLine.length()) <= QUOTE
                ? oneLine
                : oneLine.substring(0, oneLine.offsetByCodePoints(0, QUOTE)) + "\u2026";
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** "a", "a and b", "a, b and c". */
    static String and(List<String> values) {
        if (values.size() <= 1) {
            return String.join("", values);
        }
        return String.join(", ", values.subList(0, values.size() - 1)) + " and " + values.get(values.size() - 1);
    }
}
