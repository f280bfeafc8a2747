package org.varsel.contract.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * The one settings reader of every component: its keys' values from a properties file (optional), then the
 * environment ({@link #environmentVariable}), over the component's declared defaults. A key under the component's
 * namespace that it does not declare is refused, naming the nearest known key, so that a typo is never ignored.
 * Values are trimmed; typed getters say which key holds a bad value and what it should look like.
 */
public final class Settings {
    private static final String DURATION = "is not an ISO-8601 duration such as PT30S or P7D";
    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = values;
    }

    /**
     * The settings of the component whose keys start with {@code namespace + "."}: the file's values (if given), then
     * the environment's variable of each key in {@code defaults}, over {@code defaults}.
     */
    public static Settings read(
            String namespace, Map<String, String> defaults, Optional<Path> file, Map<String, String> environment) {
        Map<String, String> given = new HashMap<>();
        file.ifPresent(path -> given.putAll(readProperties(path)));
        for (String key : defaults.keySet()) {
            String fromEnvironment = environment.get(environmentVariable(key));
            if (fromEnvironment != null) {
                given.put(key, fromEnvironment);
            }
        }
        return of(namespace, defaults, given);
    }

    /** These values over {@code defaults}; keys outside the namespace are ignored (another component's). */
    public static Settings of(String namespace, Map<String, String> defaults, Map<String, String> given) {
        String prefix = namespace + ".";
        Map<String, String> merged = new HashMap<>();
        defaults.forEach((key, value) -> merged.put(key, value.trim()));
        given.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                if (!defaults.containsKey(key)) {
                    throw new IllegalArgumentException("unknown " + namespace + " setting: " + key + " (did you mean "
                            + nearest(key, defaults.keySet().stream().toList()) + "?)");
                }
                merged.put(key, value.trim());
            }
        });
        return new Settings(Map.copyOf(merged));
    }

    /** The one naming rule: {@code desk.db.password} → {@code VARSEL_DESK_DB_PASSWORD}. */
    public static String environmentVariable(String key) {
        return "VARSEL_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The key-value pairs of a properties file. */
    public static Map<String, String> readProperties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read settings " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }

    /** Every declared key's value (trimmed). */
    public Map<String, String> values() {
        return values;
    }

    public String text(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("no setting " + key + " is declared");
        }
        return value;
    }

    /** Empty when the value is empty. */
    public Optional<String> optional(String key) {
        String value = text(key);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public int integer(String key) {
        return parsed(key, text(key), Integer::parseInt, "is not a whole number");
    }

    public long number(String key) {
        return parsed(key, text(key), Long::parseLong, "is not a whole number");
    }

    public double decimal(String key) {
        return parsed(key, text(key), Double::parseDouble, "is not a number");
    }

    public boolean flag(String key) {
        return switch (text(key).toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + "=" + text(key) + " must be true or false");
        };
    }

    public Duration duration(String key) {
        return parsed(key, text(key), Duration::parse, DURATION);
    }

    /** The comma-separated items, trimmed, without empty ones. */
    public List<String> list(String key) {
        List<String> items = new ArrayList<>();
        for (String item : text(key).split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    /** A comma-separated list of ISO-8601 durations. */
    public List<Duration> durations(String key) {
        return list(key).stream()
                .map(item -> parsed(key, item, Duration::parse, DURATION))
                .toList();
    }

    private static <T> T parsed(String key, String value, Function<String, T> parser, String problem) {
        try {
            return parser.apply(value);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(key + "=" + value + " " + problem);
        }
    }

    /** The known key fewest single-character edits away: what a typo most likely meant. */
    static String nearest(String key, List<String> known) {
        return known.stream()
                .min(Comparator.comparingInt((String k) -> distance(key, k)).thenComparing(k -> k))
                .orElse("none");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
