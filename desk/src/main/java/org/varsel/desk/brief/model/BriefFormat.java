package org.varsel.desk.brief.model;

import java.util.Arrays;
import java.util.Optional;

/** The forms a brief is exported in; every one is rendered from the same composed {@link Brief}. */
public enum BriefFormat {
    MD("md", "text/markdown; charset=utf-8"),
    HTML("html", "text/html; charset=utf-8"),
    PDF("pdf", "application/pdf"),
    JSON("json", "application/json"),
    STIX("stix", "application/stix+json;version=2.1");

    private final String label;
    private final String mediaType;

    BriefFormat(String label, String mediaType) {
        this.label = label;
        this.mediaType = mediaType;
    }

    public String label() {
        return label;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The file name extension of a download. */
    public String extension() {
        return this == STIX ? "stix.json" : label;
    }

    public static Optional<BriefFormat> fromLabel(String label) {
        return Arrays.stream(values()).filter(f -> f.label.equals(label)).findFirst();
    }
}
