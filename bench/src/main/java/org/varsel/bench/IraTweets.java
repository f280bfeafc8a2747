package org.varsel.bench;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The shared IRA troll tweets as texts to match, tagged {@code en} when the file says English, else untagged. */
final class IraTweets {

    static final Path SHARED_FILE =
            Path.of("/work/shared/datasets/ira-troll-tweets/ira_trolls_2016-09_to_2016-11_sorted.csv");

    private IraTweets() {}

    static List<RuleMatchLevers.Doc> read(Path file, int rows) throws IOException {
        ObjectReader rowsWithHeader = new CsvMapper()
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
                .readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader());
        List<RuleMatchLevers.Doc> docs = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it =
                rowsWithHeader.readValues(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            while (it.hasNext() && docs.size() < rows) {
                Map<String, String> row = it.next();
                String content = row.get("content");
                if (content != null && !content.isBlank()) {
                    Optional<String> tag = "English".equals(row.get("language")) ? Optional.of("en") : Optional.empty();
                    docs.add(new RuleMatchLevers.Doc(content, tag));
                }
            }
        }
        return docs;
    }
}
