package org.varsel.pipeline.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import org.varsel.contract.Tlp;

/**
 * One analyst-written detection rule: a Lucene query plus everything the desk needs to explain
 * and route its hits. The field meanings are documented in {@code docs/rules.md}.
 */
public record Rule(
        String id,
        String title,
        String description,
        String query,
        List<RuleLanguage> languages,
        String category,
        List<String> tags,
        int severity,
        Tlp tlp,
        RuleStatus status,
        String owner,
        @JsonProperty("target_groups") List<String> targetGroups,
        Examples examples) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(tlp, "tlp");
        Objects.requireNonNull(status, "status");
        title = Objects.requireNonNullElse(title, "");
        description = Objects.requireNonNullElse(description, "");
        category = Objects.requireNonNullElse(category, "");
        owner = Objects.requireNonNullElse(owner, "");
        languages = List.copyOf(languages);
        tags = tags == null ? List.of() : List.copyOf(tags);
        targetGroups = targetGroups == null ? List.of() : List.copyOf(targetGroups);
        examples = examples == null ? new Examples(List.of(), List.of()) : examples;
    }

    /**
     * Texts the rule must match, texts it must not match, and texts it must match as reported or counter-speech
     * (severity lowered); the build runs them all.
     */
    public record Examples(
            List<String> match,
            @JsonProperty("no_match") List<String> noMatch,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> reported) {
        public Examples {
            match = match == null ? List.of() : List.copyOf(match);
            noMatch = noMatch == null ? List.of() : List.copyOf(noMatch);
            reported = reported == null ? List.of() : List.copyOf(reported);
        }

        public Examples(List<String> match, List<String> noMatch) {
            this(match, noMatch, List.of());
        }
    }
}
