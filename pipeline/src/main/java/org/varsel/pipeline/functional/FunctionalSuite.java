package org.varsel.pipeline.functional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.varsel.contract.Tier;

/** The cases of the functional suite, read from the expanded {@code suite-<language>.tsv} files of a directory. */
public record FunctionalSuite(List<FunctionalCase> cases) {
    static final List<String> COLUMNS =
            List.of("id", "language", "functionality", "expected", "min_tier", "split", "template", "target", "text");
    private static final String NO_TIER = "-";
    /** English, the suite's reference language, leads every report; the other languages follow by name. */
    private static final Comparator<Path> ENGLISH_FIRST = Comparator.comparing(
                    (Path p) -> !p.getFileName().toString().equals("suite-en.tsv"))
            .thenComparing(Path::getFileName);

    public FunctionalSuite {
        cases = List.copyOf(cases);
    }

    /** Every {@code suite-*.tsv} in {@code directory}; a malformed line fails with {@code file:line: reason}. */
    public static FunctionalSuite read(Path directory) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().matches("suite-.+\\.tsv"))
                    .sorted(ENGLISH_FIRST)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the functional suite in " + directory, e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(
                    "no suite-*.tsv in " + directory + " (python3 data/functional/generate.py writes them)");
        }
        List<FunctionalCase> cases = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<String, Expectation> expectations = new HashMap<>();
        for (Path file : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            if (lines.isEmpty() || !List.of(lines.get(0).split("\t", -1)).equals(COLUMNS)) {
                throw new IllegalArgumentException(
                        file.getFileName() + ":1: the header must be " + String.join("\\t", COLUMNS));
            }
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                String where = file.getFileName() + ":" + (i + 1) + ": ";
                FunctionalCase c;
                try {
                    c = parse(lines.get(i));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + e.getMessage(), e);
                }
                if (!ids.add(c.id())) {
                    throw new IllegalArgumentException(where + "duplicate case id " + c.id());
                }
                Expectation first = expectations.putIfAbsent(c.functionality(), c.expected());
                if (first != null && first != c.expected()) {
                    throw new IllegalArgumentException(where + c.functionality() + " cases are all \"" + first.label()
                            + "\" or all \"" + c.expected().label() + "\", not both");
                }
                cases.add(c);
            }
        }
        return new FunctionalSuite(cases);
    }

    private static FunctionalCase parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != COLUMNS.size()) {
            throw new IllegalArgumentException(
                    "expected " + COLUMNS.size() + " tab-separated fields, found " + f.length);
        }
        for (int i = 0; i < f.length; i++) {
            if (f[i].isBlank()) {
                throw new IllegalArgumentException(COLUMNS.get(i) + " is empty");
            }
        }
        return new FunctionalCase(
                f[0],
                f[1],
                f[2],
                labelled(Expectation.class, "expected", f[3]),
                tier(f[4]),
                labelled(Split.class, "split", f[5]),
                f[6],
                f[7],
                f[8]);
    }

    /** The constant whose lower-case name is {@code label}, e.g. {@code flag} or {@code test}. */
    private static <E extends Enum<E>> E labelled(Class<E> type, String column, String label) {
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(label)) {
                return e;
            }
        }
        List<String> labels = Arrays.stream(type.getEnumConstants())
                .map(e -> "\"" + e.name().toLowerCase(Locale.ROOT) + "\"")
                .toList();
        throw new IllegalArgumentException(column + " is " + String.join(" or ", labels) + ", not \"" + label + "\"");
    }

    private static Optional<Tier> tier(String label) {
        if (NO_TIER.equals(label)) {
            return Optional.empty();
        }
        for (Tier t : Tier.values()) {
            if (t.label().equals(label)) {
                return Optional.of(t);
            }
        }
        throw new IllegalArgumentException(
                "min_tier is - or a tier label (threat-to-life, crisis, high, medium, low), not \"" + label + "\"");
    }

    /** Languages in the order they first appear. */
    public List<String> languages() {
        Set<String> languages = new LinkedHashSet<>();
        cases.forEach(c -> languages.add(c.language()));
        return List.copyOf(languages);
    }

    /** Functionalities in the order they first appear, those to flag before the contrasts. */
    public List<String> functionalities() {
        Set<String> ordered = new LinkedHashSet<>();
        for (Expectation e : Expectation.values()) {
            cases.stream().filter(c -> c.expected() == e).forEach(c -> ordered.add(c.functionality()));
        }
        return List.copyOf(ordered);
    }

    /** The one expectation of a functionality's cases. */
    public Expectation expectation(String functionality) {
        return cases.stream()
                .filter(c -> c.functionality().equals(functionality))
                .map(FunctionalCase::expected)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no functionality " + functionality));
    }
}
