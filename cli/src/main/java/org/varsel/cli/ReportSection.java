package org.varsel.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A generated section of a Markdown report, between {@code <!-- begin NAME -->} and {@code <!-- end NAME -->}, so that
 * two commands (model train, model evaluate) can each regenerate their own part of docs/model-evaluation.md and leave
 * the rest, hand-written text included, as it was.
 */
record ReportSection(String name) {

    String begin() {
        return "<!-- begin " + name + " (generated; do not edit by hand) -->";
    }

    String end() {
        return "<!-- end " + name + " -->";
    }

    /** {@code document} with this section's body replaced by {@code body}, or with the section appended when it has none. */
    String replace(String document, String body) {
        String block = begin() + "\n" + (body.endsWith("\n") ? body : body + "\n") + end();
        int from = document.indexOf(begin());
        int to = document.indexOf(end());
        if (from < 0 || to < from) {
            String lead = document.isEmpty() || document.endsWith("\n\n")
                    ? document
                    : document.endsWith("\n") ? document + "\n" : document + "\n\n";
            return lead + block + "\n";
        }
        return document.substring(0, from) + block + document.substring(to + end().length());
    }

    /** Writes {@code body} into this section of {@code file}, creating the file when it does not exist. */
    void writeInto(Path file, String body) throws IOException {
        String document = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(file, replace(document, body), StandardCharsets.UTF_8);
    }
}
