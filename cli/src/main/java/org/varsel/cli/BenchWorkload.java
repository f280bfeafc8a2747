package org.varsel.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.varsel.contract.Json;

/**
 * The benchmark's signals and rules: a deterministic, realistic mix of texts, links, hashtags, mentions, accounts,
 * partner labels and small coordinated campaigns, half of it real IRA troll tweets when the shared dataset is
 * present, and generated rules (with examples, so the rule checks pass) on top of the bundled pack.
 */
final class BenchWorkload {
    private static final String[] FALLBACK_WORDS =
            ("people government election police border school news video truth media city country vote power money family "
                            + "church market street attack protest freedom report minister leader crime secret tonight morning history "
                            + "people workers village soldiers doctors nurses farmers children mothers teachers students parliament "
                            + "council mayor bridge harbour railway factory hospital weather festival football stadium concert museum "
                            + "library theatre garden forest island mountain river coastal northern southern eastern western central "
                            + "national regional federal private public global local digital foreign domestic military civilian urgent")
                    .split(" ");
    private static final String[] CATEGORIES = {"incitement", "dehumanisation", "disinformation", "harassment"};
    private static final String[] PLATFORMS = {"twitter", "x", "facebook", "telegram", "tiktok", "youtube"};
    private static final String[] KINDS = {"post", "post", "post", "share", "comment"};
    private static final String[] DOMAINS = {
        "news-daily.example",
        "truthpatriot.example",
        "bit.ly",
        "t.co",
        "youtube.com",
        "rumble.example",
        "blog.example.org",
        "tarsk-voices.example"
    };

    /** One row of real text: content, author and language tag. */
    private record Tweet(String text, String author, String language) {}

    private final Random random = new Random(20261123L);
    private final List<Tweet> tweets;
    private final String[] words;
    private final String[] hashtags = new String[300];
    private final String[] accounts = new String[5_000];
    private final String[] urls = new String[400];
    private final String[] campaigns = new String[20];
    private final Optional<Path> iraFile;

    BenchWorkload(Optional<Path> iraFile, int iraRows) throws IOException {
        this.iraFile = iraFile;
        this.tweets = iraFile.isPresent() ? readIra(iraFile.get(), iraRows) : List.of();
        this.words = vocabulary(tweets);
        for (int i = 0; i < hashtags.length; i++) {
            hashtags[i] = "#" + capitalise(word()) + capitalise(word());
        }
        for (int i = 0; i < accounts.length; i++) {
            accounts[i] = word() + "_" + random.nextInt(1000);
        }
        for (int i = 0; i < urls.length; i++) {
            urls[i] =
                    "https://" + DOMAINS[i % DOMAINS.length] + "/" + word() + "/" + (100_000 + random.nextInt(900_000));
        }
        for (int i = 0; i < campaigns.length; i++) {
            campaigns[i] = sentence(14) + " " + hashtags[i] + " " + urls[i];
        }
    }

    /** The shared IRA file next to the project ({@code ../shared/datasets/ira-troll-tweets}), if there is one. */
    static Optional<Path> findIra(Path home) {
        for (Path dir : List.of(
                home.resolve("../shared/datasets/ira-troll-tweets"),
                Path.of("/work/shared/datasets/ira-troll-tweets"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    Optional<Path> csv = files.filter(
                                    f -> f.getFileName().toString().startsWith("ira_")
                                            && f.toString().endsWith(".csv"))
                            .findFirst();
                    if (csv.isPresent()) {
                        return csv;
                    }
                } catch (IOException e) {
                    // fall through: treated as absent
                }
            }
        }
        return Optional.empty();
    }

    String description() {
        return iraFile.map(f -> "half real IRA troll tweets (" + tweets.size() + " rows of " + f.getFileName()
                        + "), half generated")
                .orElse("generated only (the shared IRA troll tweets dataset is absent)");
    }

    /**
     * Signal {@code i} as a signal.v1 body. About 3% carry a partner label (a third of those confident enough to be
     * a partner assessment), 2% belong to one of 20 coordinated campaigns, 30% carry no language hint.
     */
    byte[] signal(long i, Instant observedAt) {
        ObjectNode s = Json.mapper().createObjectNode();
        s.put("external_id", "bench-" + i);
        s.put("kind", KINDS[random.nextInt(KINDS.length)]);
        s.put("observed_at", observedAt.toString());
        s.put("platform", PLATFORMS[random.nextInt(PLATFORMS.length)]);
        String author;
        String text;
        String language;
        int roll = random.nextInt(100);
        if (roll < 2) {
            int c = random.nextInt(campaigns.length);
            author = accounts[random.nextInt(30) + 30 * c % accounts.length];
            text = campaigns[c];
            language = "en";
        } else if (!tweets.isEmpty() && (i & 1) == 0) {
            Tweet t = tweets.get((int) ((i / 2) % tweets.size()));
            author = t.author() == null || t.author().isBlank() ? account() : t.author();
            text = t.text();
            language = t.language();
        } else {
            author = account();
            StringBuilder b = new StringBuilder(sentence(6 + random.nextInt(30)));
            if (random.nextInt(100) < 30) {
                b.append(' ').append(hashtags[skewed(hashtags.length)]);
            }
            if (random.nextInt(100) < 20) {
                b.append(' ').append(urls[skewed(urls.length)]);
            }
            if (random.nextInt(100) < 15) {
                b.insert(0, "@" + account() + " ");
            }
            text = b.toString();
            language = random.nextInt(100) < 70 ? "en" : "und";
        }
        s.putObject("author").put("handle", author);
        s.put("text", text);
        s.put("language", language);
        s.put("tlp", "CLEAR");
        if (random.nextInt(100) < 3) {
            labels(s, 40 + random.nextInt(60));
        }
        return bytes(s);
    }

    /** A labelled probe: its partner-assessment incident appears once, so its latency can be timed. */
    byte[] probe(String externalId, Instant observedAt) {
        ObjectNode s = Json.mapper().createObjectNode();
        s.put("external_id", externalId);
        s.put("kind", "post");
        s.put("observed_at", observedAt.toString());
        s.put("platform", "telegram");
        s.putObject("author").put("handle", "probe_account");
        s.put("text", sentence(20));
        s.put("language", "en");
        s.put("tlp", "CLEAR");
        labels(s, 95);
        return bytes(s);
    }

    /**
     * One account's post of a coordinated burst: the burst's own sentence, link, hashtag and target group, so that
     * co-similar text, co-link, hashtag push and surge each see a new campaign (docs/performance.md, bursty soak).
     */
    byte[] campaignPost(String burst, int account, Instant observedAt) {
        ObjectNode s = Json.mapper().createObjectNode();
        s.put("external_id", burst + "-" + account);
        s.put("kind", "post");
        s.put("observed_at", observedAt.toString());
        s.put("platform", "x");
        s.putObject("author").put("handle", burst + "_account_" + account);
        s.put(
                "text",
                "Officials in " + burst + " quietly moved the vote count to another building tonight #" + burst
                        + "Count");
        s.put("url", "https://news.example/" + burst);
        s.put("language", "en");
        s.put("tlp", "CLEAR");
        ObjectNode labels = s.putObject("labels");
        labels.putArray("target_groups").add(burst + "-voters");
        labels.put("confidence", 30);
        return bytes(s);
    }

    private void labels(ObjectNode s, int confidence) {
        ObjectNode labels = s.putObject("labels");
        labels.put("category", CATEGORIES[random.nextInt(CATEGORIES.length)]);
        labels.putArray("target_groups").add("velmari");
        labels.put("confidence", confidence);
    }

    /**
     * {@code count} generated rules as a rules-directory YAML file (JSON is YAML), tweet-like queries over words of the
     * middle of the vocabulary (hits are rare, as in real packs): AND pairs, proximity phrases, OR of an AND, and a
     * prefix AND a term, each with the three matching and three non-matching examples the rule checks ask for.
     */
    void writeRules(Path file, int count) throws IOException {
        ObjectNode root = Json.mapper().createObjectNode();
        ArrayNode rules = root.putArray("rules");
        for (int i = 0; i < count; i++) {
            String a = ruleWord();
            String b = ruleWord();
            String c = ruleWord();
            String query;
            List<String> match;
            switch (i % 10) {
                case 0, 1, 2, 3 -> {
                    query = a + " AND " + b;
                    match = List.of(a + " " + b, b + " and " + a, "so " + a + " then " + b);
                }
                case 4, 5, 6 -> {
                    query = "\"" + a + " " + b + "\"~2";
                    match = List.of(a + " " + b, a + " the " + b, "so " + a + " " + b);
                }
                case 7, 8 -> {
                    query = a + " OR (" + b + " AND " + c + ")";
                    match = List.of(a, b + " " + c, c + " and " + b);
                }
                default -> {
                    query = a.substring(0, 4) + "* AND " + b;
                    match = List.of(a + " " + b, b + " " + a, "so " + a + " and " + b);
                }
            }
            ObjectNode r = rules.addObject();
            r.put("id", String.format(Locale.ROOT, "bench-gen-%04d", i));
            r.put("title", "generated rule " + i);
            r.put("description", "Generated benchmark rule matched {matched}.");
            r.put("query", query);
            r.putArray("languages").add("any");
            r.put("category", "incitement");
            r.putArray("tags").add("topic:bench");
            r.put("severity", 1 + i % 3);
            r.put("tlp", "GREEN");
            r.put("status", i % 10 == 9 ? "shadow" : "active");
            r.put("owner", "bench");
            ObjectNode examples = r.putObject("examples");
            ArrayNode m = examples.putArray("match");
            match.forEach(m::add);
            examples.putArray("no_match").add("zzqx vvqk").add("qqqq wwww").add("xxyyzz");
        }
        Files.write(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    private String ruleWord() {
        int lo = Math.min(50, words.length / 10);
        int hi = Math.min(words.length, 8_050);
        return words[lo + random.nextInt(Math.max(1, hi - lo))];
    }

    private String account() {
        return accounts[skewed(accounts.length)];
    }

    /** Few accounts, hashtags and links are frequent, most are rare. */
    private int skewed(int n) {
        double u = random.nextDouble();
        return (int) Math.min(n - 1, Math.floor(n * u * u * u));
    }

    private String sentence(int n) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                b.append(' ');
            }
            b.append(words[skewed(words.length)]);
        }
        return b.toString();
    }

    private String word() {
        return words[random.nextInt(words.length)];
    }

    private static String capitalise(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return Json.mapper().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Tweet> readIra(Path file, int rows) throws IOException {
        CsvMapper csv = new CsvMapper();
        csv.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        List<Tweet> tweets = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                MappingIterator<Map<String, String>> it = csv.readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader())
                        .readValues(reader)) {
            while (it.hasNext() && tweets.size() < rows) {
                Map<String, String> row = it.next();
                String content = row.getOrDefault("content", "");
                if (content == null || content.isBlank()) {
                    continue;
                }
                String language = ReplayInput.languageTag(row.get("language"));
                tweets.add(new Tweet(
                        content.length() > 5_000 ? content.substring(0, 5_000) : content, row.get("author"), language));
            }
        } catch (RuntimeException e) {
            throw new IOException("cannot read " + file + " as the IRA CSV layout: " + e.getMessage(), e);
        }
        return tweets;
    }

    /** Words of the real tweets by frequency (letters only, at least 5 of them), or a small built-in list. */
    private static String[] vocabulary(List<Tweet> tweets) {
        if (tweets.isEmpty()) {
            return FALLBACK_WORDS;
        }
        Map<String, Integer> counts = new HashMap<>();
        for (Tweet t : tweets) {
            for (String w : t.text().toLowerCase(Locale.ROOT).split("\\s+")) {
                if (w.length() >= 5 && w.length() <= 14 && w.chars().allMatch(ch -> ch >= 'a' && ch <= 'z')) {
                    counts.merge(w, 1, Integer::sum);
                }
            }
        }
        String[] words = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(20_000)
                .map(Map.Entry::getKey)
                .toArray(String[]::new);
        return words.length < 200 ? FALLBACK_WORDS : words;
    }
}
