package org.varsel.desk.brief.report;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.varsel.desk.brief.store.BriefStore.NoticedUrl;
import org.varsel.desk.brief.store.ResponseAction;

/**
 * Notices sent to platforms in a period, by platform and category, with what the platforms did and the median time to
 * their decision, in the spirit of DSA Art. 22(3). Counts and durations only: no URL, account, text or person.
 *
 * <p>A notice is one (platform, incidents, track): the same notice exported as PDF and as JSON counts once. An item
 * is one URL reported to a platform; its outcome is the platform's decision if there is one (the latest), else
 * "awaiting". Time to action runs from the first notice that reported the URL to the platform's first decision,
 * never below zero (a response recorded by date alone may fall before the hour the notice went out).
 */
public record TransparencyReport(Instant from, Instant to, List<Row> rows) {
    public static final String ALL = "(all)";
    private static final PebbleEngine ENGINE = new PebbleEngine.Builder()
            .loader(new ClasspathLoader())
            .autoEscaping(true)
            .strictVariables(true)
            .build();
    private static final PebbleTemplate TEMPLATE = ENGINE.getTemplate("briefs/transparency.peb");

    public TransparencyReport {
        rows = List.copyOf(rows);
    }

    /** One platform and category (or {@link #ALL} categories). */
    public record Row(
            String platform,
            String category,
            int notices,
            int items,
            int removed,
            int restricted,
            int labelled,
            int noAction,
            int awaiting,
            Optional<Double> medianHoursToAction) {}

    public static TransparencyReport of(Instant from, Instant to, List<NoticedUrl> noticed) {
        Map<String, Item> items = new LinkedHashMap<>();
        for (NoticedUrl n : noticed) {
            items.computeIfAbsent(n.platform() + "\n" + n.url(), k -> new Item(n.platform()))
                    .add(n);
        }
        Map<String, Map<String, List<Item>>> byPlatform = new TreeMap<>();
        for (Item item : items.values()) {
            Map<String, List<Item>> byCategory = byPlatform.computeIfAbsent(item.platform, p -> new TreeMap<>());
            byCategory.computeIfAbsent(ALL, c -> new ArrayList<>()).add(item);
            for (String category : item.categories.isEmpty() ? Set.of("uncategorised") : item.categories) {
                byCategory.computeIfAbsent(category, c -> new ArrayList<>()).add(item);
            }
        }
        List<Row> rows = new ArrayList<>();
        byPlatform.forEach((platform, byCategory) -> {
            rows.add(row(platform, ALL, byCategory.get(ALL)));
            byCategory.forEach((category, list) -> {
                if (!category.equals(ALL)) {
                    rows.add(row(platform, category, list));
                }
            });
        });
        return new TransparencyReport(from, to, rows);
    }

    private static Row row(String platform, String category, List<Item> items) {
        Set<String> notices = items.stream().flatMap(i -> i.notices.stream()).collect(Collectors.toSet());
        List<Double> hours = items.stream()
                .map(Item::hoursToAction)
                .flatMap(Optional::stream)
                .sorted()
                .toList();
        return new Row(
                platform,
                category,
                notices.size(),
                items.size(),
                count(items, ResponseAction.REMOVED),
                count(items, ResponseAction.RESTRICTED),
                count(items, ResponseAction.LABELLED),
                count(items, ResponseAction.NO_ACTION),
                (int) items.stream().filter(i -> i.decision.isEmpty()).count(),
                median(hours));
    }

    private static int count(List<Item> items, ResponseAction action) {
        return (int) items.stream()
                .filter(i -> i.decision.equals(Optional.of(action)))
                .count();
    }

    static Optional<Double> median(List<Double> sorted) {
        if (sorted.isEmpty()) {
            return Optional.empty();
        }
        int middle = sorted.size() / 2;
        return Optional.of(
                sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2);
    }

    /** CSV (RFC 4180), one row per platform and category. */
    public byte[] csv() {
        StringBuilder csv = new StringBuilder(
                "from,to,platform,category,notices,items,removed,restricted,labelled,no_action,awaiting,median_hours_to_action\r\n");
        for (Row row : rows) {
            csv.append(String.join(
                            ",",
                            cell(from.toString()),
                            cell(to.toString()),
                            cell(row.platform()),
                            cell(row.category()),
                            String.valueOf(row.notices()),
                            String.valueOf(row.items()),
                            String.valueOf(row.removed()),
                            String.valueOf(row.restricted()),
                            String.valueOf(row.labelled()),
                            String.valueOf(row.noAction()),
                            String.valueOf(row.awaiting()),
                            row.medianHoursToAction()
                                    .map(TransparencyReport::hours)
                                    .orElse("")))
                    .append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An HTML page with the same table. */
    public byte[] html() {
        StringWriter out = new StringWriter();
        try {
            TEMPLATE.evaluate(out, Map.of("from", from.toString(), "to", to.toString(), "rows", view()), Locale.ROOT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The rows as a template model (the period report shows them too). */
    public List<Map<String, Object>> view() {
        List<Map<String, Object>> view = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("platform", row.platform());
            r.put("category", row.category());
            r.put("all", row.category().equals(ALL));
            r.put("notices", row.notices());
            r.put("items", row.items());
            r.put("removed", row.removed());
            r.put("restricted", row.restricted());
            r.put("labelled", row.labelled());
            r.put("noAction", row.noAction());
            r.put("awaiting", row.awaiting());
            r.put(
                    "median",
                    row.medianHoursToAction().map(TransparencyReport::hours).orElse("-"));
            view.add(r);
        }
        return view;
    }

    private static String hours(double hours) {
        return String.format(Locale.ROOT, "%.1f", hours);
    }

    /** Quoted when needed; a leading =, +, - or @ is defused so a spreadsheet never reads a cell as a formula. */
    public static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.matches("[A-Za-z0-9 ._:()'/-]*") ? safe : "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    /** One URL reported to one platform, across every notice that reported it. */
    private static final class Item {
        final String platform;
        final Set<String> notices = new LinkedHashSet<>();
        final Set<String> categories = new LinkedHashSet<>();
        Instant firstSent;
        Optional<ResponseAction> decision = Optional.empty();
        Optional<Instant> decidedAt = Optional.empty();

        Item(String platform) {
            this.platform = platform;
        }

        void add(NoticedUrl n) {
            notices.add(n.platform() + "|" + n.track().label() + "|"
                    + n.incidentIds().stream().sorted().toList());
            categories.addAll(n.categories());
            firstSent = firstSent == null || n.sentAt().isBefore(firstSent) ? n.sentAt() : firstSent;
            n.decidedAt()
                    .ifPresent(at -> decidedAt =
                            Optional.of(decidedAt.filter(d -> d.isBefore(at)).orElse(at)));
            // rows come oldest notice first: the answer to the latest notice wins
            if (n.latest().filter(ResponseAction::isDecision).isPresent()) {
                decision = n.latest();
            }
        }

        Optional<Double> hoursToAction() {
            return decidedAt
                    .filter(at -> decision.isPresent())
                    .map(at -> Math.max(0, Duration.between(firstSent, at).toSeconds() / 3600.0));
        }
    }
}
