package org.varsel.desk.intake;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.varsel.contract.Json;
import org.varsel.contract.SignalCodec;

/**
 * CSV (RFC 4180, UTF-8, a header row naming {@link #COLUMNS}), streamed a record at a time; each record becomes a
 * signal.v1 JSON object. The column separator is {@code ,} or {@code ;} (what Danish spreadsheets write), whichever
 * the header line holds more of. Empty cells are absent fields; {@code disarm} and {@code target_groups} hold values
 * separated by {@code ;}. Each record stands alone: one with too few or too many cells, or with bytes that are not UTF-8, is
 * refused with its line number and the records around it are kept. A byte-order mark (as spreadsheets write it) is
 * skipped. Only broken quoting ends the input: CSV cannot be resynchronised after it.
 */
public final class CsvSignals implements SignalLines {
    /** The columns a header may name, in documentation order; {@code external_id} and {@code observed_at} are required. */
    public static final List<String> COLUMNS = List.of(
            "external_id",
            "observed_at",
            "kind",
            "url",
            "platform",
            "author_handle",
            "author_id",
            "author_display_name",
            "text",
            "language",
            "tlp",
            "category",
            "disarm",
            "target_groups",
            "confidence");

    private static final String BOM = "\uFEFF";
    /** How far the separator is looked for: a header naming every column is a few hundred characters. */
    private static final int HEADER_SNIFF_CHARS = 8192;
    /** What to do when the header still cannot be read; said with every header error. */
    static final String HOW_TO_SAVE = "save the sheet as CSV (UTF-8) with , or ; between the columns and a first row"
            + " naming them, e.g. external_id,observed_at,text";
    /** What an invalid byte decodes to; a record holding it is refused. */
    private static final String NOT_UTF8 = "\uFFFD";

    private static final CsvFactory FACTORY = CsvFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(SignalCodec.MAX_BYTES)
                    .build())
            .build();

    private final CsvParser parser;
    private final List<String> header;

    private CsvSignals(CsvParser parser, List<String> header) {
        this.parser = parser;
        this.header = header;
    }

    /**
     * Reads the header row.
     *
     * @throws IllegalArgumentException when the header names an unknown column, a column twice, or lacks a required one
     */
    public static CsvSignals open(InputStream in) throws IOException {
        // invalid bytes become U+FFFD and refuse their own record (see next), rather than end the whole upload
        InputStreamReader reader = new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)
                        .replaceWith(NOT_UTF8));
        BufferedReader buffered = new BufferedReader(reader, HEADER_SNIFF_CHARS);
        char separator = separator(buffered);
        CsvParser parser = (CsvParser) FACTORY.createParser(buffered);
        parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator));
        parser.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        CsvSignals csv = new CsvSignals(parser, List.of());
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("CSV: the body is empty; the first row must name the columns");
        }
        List<String> header = new ArrayList<>();
        List<String> row = csv.row(1);
        for (String name : row) {
            header.add((header.isEmpty() && name.startsWith(BOM) ? name.substring(1) : name)
                    .trim()
                    .toLowerCase(Locale.ROOT));
        }
        if (header.stream().anyMatch(name -> name.contains(NOT_UTF8))) {
            throw new IllegalArgumentException("CSV: the header row is not valid UTF-8");
        }
        Set<String> unknown = new LinkedHashSet<>(header);
        COLUMNS.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "CSV: unknown column(s) " + unknown + "; known: " + COLUMNS + "; " + HOW_TO_SAVE);
        }
        if (new LinkedHashSet<>(header).size() != header.size()) {
            throw new IllegalArgumentException("CSV: a column is named twice in the header " + header);
        }
        for (String required : List.of("external_id", "observed_at")) {
            if (!header.contains(required)) {
                throw new IllegalArgumentException(
                        "CSV: the header lacks the required column " + required + "; " + HOW_TO_SAVE);
            }
        }
        return new CsvSignals(parser, List.copyOf(header));
    }

    /**
     * The separator the header line uses: {@code ;} when it holds more semicolons than commas outside quotes, else
     * {@code ,}. Column names hold neither, so the header alone decides.
     */
    private static char separator(BufferedReader in) throws IOException {
        in.mark(HEADER_SNIFF_CHARS);
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0, c; i < HEADER_SNIFF_CHARS && (c = in.read()) >= 0; i++) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (commas + semicolons > 0) {
                    break;
                }
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        in.reset();
        return semicolons > commas ? ';' : ',';
    }

    @Override
    public Optional<Line> next() throws IOException {
        long line = parser.currentLocation().getLineNr();
        JsonToken token = token(line);
        if (token == null) {
            return Optional.empty();
        }
        if (token != JsonToken.START_ARRAY) {
            throw new UnreadableInput(line, "CSV cannot be read past line " + line, false);
        }
        // the parser places a record's start on the line break before it
        line = parser.currentTokenLocation().getLineNr() + 1;
        List<String> cells = row(line);
        if (cells.size() != header.size()) {
            return Optional.of(Line.unreadable(
                    line,
                    "CSV record on line " + line + " has " + cells.size() + " cells; the" + " header names "
                            + header.size() + " columns"));
        }
        if (cells.stream().anyMatch(cell -> cell.contains(NOT_UTF8))) {
            return Optional.of(Line.unreadable(line, "CSV record on line " + line + " is not valid UTF-8"));
        }
        return Optional.of(Line.of(line, toSignal(cells)));
    }

    private byte[] toSignal(List<String> cells) {
        ObjectNode signal = Json.mapper().createObjectNode();
        ObjectNode author = Json.mapper().createObjectNode();
        ObjectNode labels = Json.mapper().createObjectNode();
        for (int i = 0; i < cells.size(); i++) {
            String value = cells.get(i);
            if (value.isEmpty()) {
                continue;
            }
            switch (header.get(i)) {
                case "author_handle" -> author.put("handle", value);
                case "author_id" -> author.put("id", value);
                case "author_display_name" -> author.put("display_name", value);
                case "category" -> labels.put("category", value);
                case "disarm", "target_groups" -> {
                    ArrayNode values = labels.putArray(header.get(i));
                    for (String part : value.split(";")) {
                        if (!part.isBlank()) {
                            values.add(part.trim());
                        }
                    }
                }
                case "confidence" -> {
                    try {
                        labels.put("confidence", Integer.parseInt(value.trim()));
                    } catch (NumberFormatException notANumber) {
                        labels.put("confidence", value); // the schema names the field and what it expects
                    }
                }
                default -> signal.put(header.get(i), value);
            }
        }
        if (!author.isEmpty()) {
            signal.set("author", author);
        }
        if (!labels.isEmpty()) {
            signal.set("labels", labels);
        }
        return signal.toString().getBytes(StandardCharsets.UTF_8);
    }

    private List<String> row(long line) throws IOException {
        List<String> cells = new ArrayList<>();
        JsonToken token;
        while ((token = token(line)) != null && token != JsonToken.END_ARRAY) {
            cells.add(parser.getValueAsString(""));
        }
        return cells;
    }

    private JsonToken token(long line) throws IOException {
        try {
            return parser.nextToken();
        } catch (CappedInputStream.TooLarge e) {
            throw new UnreadableInput(line, e.getMessage(), true);
        } catch (IOException e) {
            if (e.getCause() instanceof CappedInputStream.TooLarge tooLarge) {
                throw new UnreadableInput(line, tooLarge.getMessage(), true);
            }
            throw new UnreadableInput(
                    line, "CSV cannot be read past line " + line + ": " + firstLine(e.getMessage()), false);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
