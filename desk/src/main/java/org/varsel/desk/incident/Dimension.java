package org.varsel.desk.incident;

/** What the period report breaks incidents down by, with the SQL that yields an incident's values of it. */
public enum Dimension {
    CATEGORY("category", "unnest(i.categories)"),
    PLATFORM("platform", "(SELECT DISTINCT lower(p) FROM unnest(i.platforms) AS p)"),
    LANGUAGE("language", "unnest(i.languages)"),
    TARGET_GROUP(
            "target group",
            "jsonb_array_elements_text(CASE jsonb_typeof(i.payload->'target_groups') WHEN 'array' "
                    + "THEN i.payload->'target_groups' ELSE '[]'::jsonb END)"),
    TIER("tier", "(VALUES (i.tier))");

    private final String label;
    private final String valuesSql;

    Dimension(String label, String valuesSql) {
        this.label = label;
        this.valuesSql = valuesSql;
    }

    public String label() {
        return label;
    }

    /** A set-returning SQL expression over the incident {@code i}; constant text, never user input. */
    String valuesSql() {
        return valuesSql;
    }
}
