package org.varsel.cli;

import com.fasterxml.jackson.databind.MappingIterator;
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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.varsel.contract.Json;

/**
 * A finite file of signals to replay: signal JSONL (one signal.v1 body a line) or the CSV layout of the IRA troll
 * tweets (publish_date, author, content, language, ...), each record turned into a raw signal body as intake would
 * receive it. The source is {@code file:<name>}.
 */
final class ReplayInput {
    /** signal.v1 wants a language tag; the IRA file names languages in English. */
    private static final Map<String, String> LANGUAGE_TAGS = Map.ofEntries(
            Map.entry("english", "en"),
            Map.entry("russian", "ru"),
            Map.entry("german", "de"),
            Map.entry("spanish", "es"),
            Map.entry("french", "fr"),
            Map.entry("italian", "it"),
            Map.entry("ukrainian", "uk"),
            Map.entry("arabic", "ar"),
            Map.entry("dutch", "nl"),
            Map.entry("portuguese", "pt"),
            Map.entry("swedish", "sv"),
            Map.entry("norwegian", "no"),
            Map.entry("danish", "da"),
            Map.entry("finnish", "fi"),
            Map.entry("polish", "pl"),
            Map.entry("turkish", "tr"),
            Map.entry("japanese", "ja"),
            Map.entry("farsi (persian)", "fa"),
            Map.entry("romanian", "ro"),
            Map.entry("serbian", "sr"));

    private static final DateTimeFormatter IRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final int MAX_TEXT = 20_000;

    /** One record to publish: its Kafka key and its body. */
    record Record(String key, byte[] body) {}

    /**
     * The stretch of event time to replay, [from, until): a slice of a large file (one story's day) without copying it.
     * A record whose {@code observed_at} cannot be read is always replayed, so that it is dead-lettered with its reason.
     */
    record Window(Instant from, Instant until) {
        static final Window ALL = new Window(Instant.MIN, Instant.MAX);

        Window {
            if (!from.isBefore(until)) {
                throw new IllegalArgumentException(
                        "the replay window must end after it starts: " + from + " .. " + until);
            }
        }

        boolean contains(String observedAt) {
            try {
                Instant at = Instant.parse(observedAt);
                return !at.isBefore(from) && at.isBefore(until);
            } catch (RuntimeException unreadable) {
                return true;
            }
        }
    }

    enum Format {
        JSONL,
        IRA_CSV
    }

    private final Path file;
    private final Format format;

    ReplayInput(Path file, Format format) {
        this.file = file;
        this.format = format;
    }

    static Format guess(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? Format.IRA_CSV : Format.JSONL;
    }

    String source() {
        return "file:" + file.getFileName();
    }

    /** Reads up to {@code limit} records (0: all) and hands each to {@code sink}; returns how many. */
    long read(long limit, Consumer<Record> sink) throws IOException {
        return read(limit, Window.ALL, sink);
    }

    /** Reads up to {@code limit} records (0: all) observed within {@code window} and hands each to {@code sink}. */
    long read(long limit, Window window, Consumer<Record> sink) throws IOException {
        return format == Format.IRA_CSV ? readIra(limit, window, sink) : readJsonl(limit, window, sink);
    }

    private long readJsonl(long limit, Window window, Consumer<Record> sink) throws IOException {
        long n = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long lineNumber = 0;
            while ((line = reader.readLine()) != null && (limit == 0 || n < limit)) {
                lineNumber++;
                if (line.isBlank() || !window.equals(Window.ALL) && !window.contains(observedAt(line))) {
                    continue;
                }
                sink.accept(new Record(source() + "/" + lineNumber, line.getBytes(StandardCharsets.UTF_8)));
                n++;
            }
        }
        return n;
    }

    private long readIra(long limit, Window window, Consumer<Record> sink) throws IOException {
        CsvMapper csv = new CsvMapper();
        csv.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        long n = 0;
        long sent = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                MappingIterator<Map<String, String>> rows = csv.readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader())
                        .readValues(reader)) {
            while (rows.hasNext() && (limit == 0 || sent < limit)) {
                Map<String, String> row = rows.next();
                // the row number stays the external id in a window too: a slice's signals keep their ids of the whole
                // file
                n++;
                if (window.contains(publishDate(row.get("publish_date")))) {
                    sink.accept(new Record(source() + "/" + n, iraSignal(row, n)));
                    sent++;
                }
            }
        } catch (RuntimeException e) {
            throw new IOException(
                    "cannot read " + file + " as the IRA CSV layout (after " + n + " rows): " + e.getMessage(), e);
        }
        return sent;
    }

    /** A JSONL line's {@code observed_at}, or empty when the line is not an object with one (it is dead-lettered). */
    private static String observedAt(String line) {
        try {
            return Json.mapper().readTree(line).path("observed_at").asText("");
        } catch (IOException unreadable) {
            return "";
        }
    }

    /** One IRA row as a signal.v1 body; the row number is its external id (the file has no tweet ids). */
    static byte[] iraSignal(Map<String, String> row, long rowNumber) {
        ObjectNode signal = Json.mapper().createObjectNode();
        signal.put("external_id", "ira-" + rowNumber);
        signal.put("kind", "1".equals(row.get("retweet")) ? "share" : "post");
        signal.put("observed_at", publishDate(row.get("publish_date")));
        signal.put("platform", "twitter");
        String author = row.get("author");
        if (author != null && !author.isBlank()) {
            signal.putObject("author").put("handle", author);
        }
        String content = row.getOrDefault("content", "");
        signal.put("text", content.length() > MAX_TEXT ? content.substring(0, MAX_TEXT) : content);
        signal.put("language", languageTag(row.get("language")));
        signal.put("tlp", "CLEAR");
        signal.put("account_category", row.get("account_category"));
        try {
            return Json.mapper().writeValueAsBytes(signal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The IRA file's language name ({@code English}) as a tag ({@code en}); {@code und} when unknown. */
    static String languageTag(String name) {
        String language = name == null ? null : LANGUAGE_TAGS.get(name.trim().toLowerCase(Locale.ROOT));
        return language == null ? "und" : language;
    }

    /** {@code 2016-09-01 00:02:00} (UTC, as the file gives it) → RFC 3339; anything else goes as it is and is dead-lettered. */
    static String publishDate(String value) {
        if (value == null) {
            return "";
        }
        try {
            return LocalDateTime.parse(value.trim(), IRA_TIME)
                    .toInstant(ZoneOffset.UTC)
                    .toString();
        } catch (DateTimeParseException e) {
            return value;
        }
    }
}
