package org.varsel.desk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which desk main classes write or name a table (docs/architecture.md, "One SQL home per table"), as paths below
 * {@code org/varsel/desk}, e.g. {@code incident/IncidentStore.java}.
 */
public final class SqlHomes {
    private static final Path ROOT = Path.of("src/main/java/org/varsel/desk");

    private SqlHomes() {}

    /** The classes with an INSERT, UPDATE or DELETE on the table. */
    public static Set<String> writers(String table) throws IOException {
        return sourcesMatching(Pattern.compile("\\b(UPDATE|INSERT\\s+INTO|DELETE\\s+FROM)\\s+" + table + "\\b"));
    }

    /** The classes that read the table: {@code FROM} or {@code JOIN} it. */
    public static Set<String> readers(String table) throws IOException {
        return sourcesMatching(Pattern.compile("\\b(FROM|JOIN)\\s+" + table + "\\b"));
    }

    private static Set<String> sourcesMatching(Pattern sql) throws IOException {
        Set<String> matching = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (sql.matcher(Files.readString(file, StandardCharsets.UTF_8)).find()) {
                    matching.add(ROOT.relativize(file).toString().replace('\\', '/'));
                }
            }
        }
        return matching;
    }
}
