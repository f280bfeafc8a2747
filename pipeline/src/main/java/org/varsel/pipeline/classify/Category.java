package org.varsel.pipeline.classify;

import java.util.Optional;

/** What a text is, for the purposes of incitement monitoring; the model's outcome labels. */
public enum Category {
    /** Threatens or calls for violence against people (a group or a person), or glorifies it. */
    THREAT("threat"),
    /** Attacks or dehumanises people for who they are (ethnicity, religion, gender, sexuality, ...). */
    HATEFUL("hateful"),
    /** Insulting, profane or abusive, without targeting a protected group. */
    OFFENSIVE("offensive"),
    /** Neither. */
    NEUTRAL("neutral");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Category> ofLabel(String label) {
        for (Category c : values()) {
            if (c.label.equals(label)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
