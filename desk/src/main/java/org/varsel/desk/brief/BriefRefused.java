package org.varsel.desk.brief;

import java.util.List;

/** The desk will not produce this brief; the reasons say why (and never quote what they protect). */
public final class BriefRefused extends RuntimeException {
    private final List<String> reasons;

    public BriefRefused(List<String> reasons) {
        super(String.join("; ", reasons), null, false, false);
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
