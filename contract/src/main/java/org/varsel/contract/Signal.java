package org.varsel.contract;

import java.time.Instant;
import java.util.Optional;

/**
 * One validated observation (schema signal.v1). Optional parts are null in the record, so that Flink
 * serialises it as a POJO; use the {@code Optional} accessors in code.
 *
 * @param id stable id derived from source and external id (see {@link SignalIds})
 * @param source who sent it, set by the system: {@code partner:<id>}, {@code feed:<name>}, {@code file:<name>}
 * @param extensionsJson the fields of the original body that signal.v1 does not name, as a JSON object
 */
public record Signal(
        String id,
        String source,
        String externalId,
        String kind,
        Instant observedAt,
        String url,
        String platform,
        Author author,
        String text,
        String language,
        Tlp tlp,
        Labels labels,
        String extensionsJson) {

    /**
     * The same observation with another author and content: what pseudonymisation and the child-safety strip rewrite
     * (the id, source, time, URL, platform, language and TLP stay).
     */
    public Signal withAuthorAndContent(Author newAuthor, String newText, Labels newLabels, String newExtensionsJson) {
        return new Signal(
                id,
                source,
                externalId,
                kind,
                observedAt,
                url,
                platform,
                newAuthor,
                newText,
                language,
                tlp,
                newLabels,
                newExtensionsJson);
    }

    public Optional<String> textIfAny() {
        return Optional.ofNullable(text);
    }

    public Optional<String> urlIfAny() {
        return Optional.ofNullable(url);
    }

    public Optional<String> authorHandle() {
        return Optional.ofNullable(author).map(Author::handle);
    }

    public Optional<Labels> labelsIfAny() {
        return Optional.ofNullable(labels);
    }

    public Optional<String> languageIfAny() {
        return Optional.ofNullable(language);
    }
}
