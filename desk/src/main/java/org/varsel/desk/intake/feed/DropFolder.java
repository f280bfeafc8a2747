package org.varsel.desk.intake.feed;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.varsel.contract.Json;
import org.varsel.desk.intake.BulkIntake;
import org.varsel.desk.intake.BulkReport;
import org.varsel.desk.intake.CsvSignals;
import org.varsel.desk.intake.JsonLines;
import org.varsel.desk.intake.SignalIntake;
import org.varsel.desk.intake.SignalLines;

/**
 * A folder where files of signals are dropped: {@code *.jsonl} / {@code *.ndjson} (JSON Lines) and {@code *.csv}
 * (the bulk CSV columns). Each file is taken in name order, then moved to {@code processed/} next to a
 * {@code <file>.results.jsonl} with every line's result. A file interrupted by a crash or an outage stays and is
 * read again; its receipts make the lines already sent duplicates, not second signals. Writers should create a
 * file under another name (e.g. {@code .partial}) and rename it when complete.
 */
public final class DropFolder implements Feed {
    static final String PROCESSED = "processed";
    private static final Logger LOG = LoggerFactory.getLogger(DropFolder.class);

    private final FeedDefinition definition;
    private final BulkIntake bulk;

    public DropFolder(FeedDefinition definition, SignalIntake intake) {
        this.definition = definition;
        this.bulk = new BulkIntake(intake);
    }

    @Override
    public FeedDefinition definition() {
        return definition;
    }

    @Override
    public long poll() throws IOException {
        Path folder = definition.folder().orElseThrow();
        Path processed = folder.resolve(PROCESSED);
        Files.createDirectories(processed);
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(Files::isRegularFile)
                    .filter(DropFolder::isSignalFile)
                    .sorted()
                    .toList();
        }
        long accepted = 0;
        for (Path file : files) {
            Path results = processed.resolve(file.getFileName() + ".results.jsonl");
            BulkReport report;
            try (InputStream in = Files.newInputStream(file);
                    OutputStream out = new BufferedOutputStream(Files.newOutputStream(results))) {
                report = bulk.take(definition.source(), lines(file, in), out);
                out.write(("{\"summary\":" + report.toJson() + "}\n").getBytes(StandardCharsets.UTF_8));
            } catch (IllegalArgumentException badHeader) {
                Files.writeString(
                        results,
                        "{\"summary\":{\"complete\":false,\"reason\":"
                                + Json.mapper().writeValueAsString(badHeader.getMessage()) + "}}\n");
                LOG.warn("feed {}: {} not read: {}", definition.name(), file.getFileName(), badHeader.getMessage());
                Files.move(file, processed.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                continue;
            }
            if (report.stop()
                    .filter(stop -> stop.kind() == BulkReport.StopKind.UNAVAILABLE)
                    .isPresent()) {
                LOG.warn(
                        "feed {}: {} stays for the next poll: {}",
                        definition.name(),
                        file.getFileName(),
                        report.stop().get().reason());
                Files.deleteIfExists(results);
                return accepted;
            }
            accepted += report.accepted();
            if (report.rejected() > 0 || report.stop().isPresent()) {
                LOG.warn(
                        "feed {}: {}: {} line(s) rejected{}; see {}",
                        definition.name(),
                        file.getFileName(),
                        report.rejected(),
                        report.stop()
                                .map(s -> ", stopped at line " + s.line() + ": " + s.reason())
                                .orElse(""),
                        results);
            }
            Files.move(file, processed.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        return accepted;
    }

    private static SignalLines lines(Path file, InputStream in) throws IOException {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")
                ? CsvSignals.open(in)
                : new JsonLines(in);
    }

    private static boolean isSignalFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".csv"));
    }
}
