package org.varsel.pipeline.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** Whether a rule raises hits ({@code active}), is only measured ({@code shadow}) or is off. */
public enum RuleStatus {
    ACTIVE,
    SHADOW,
    DISABLED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code active}, {@code shadow} or {@code disabled}. */
    public static Optional<RuleStatus> ofCode(String code) {
        for (RuleStatus s : values()) {
            if (s.code().equals(code)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    @JsonCreator
    static RuleStatus fromJson(String code) {
        return ofCode(code).orElseThrow(() -> new IllegalArgumentException("unknown status: " + code));
    }
}
