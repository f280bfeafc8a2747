package org.varsel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportSectionTest {
    private final ReportSection section = new ReportSection("functional-suite");

    @Test
    void appendsTheSectionToADocumentWithoutIt() {
        String document = section.replace("# Report\n\nHand-written.\n", "rates\n");

        assertThat(document)
                .isEqualTo("# Report\n\nHand-written.\n\n" + section.begin() + "\nrates\n" + section.end() + "\n");
    }

    @Test
    void replacesOnlyItsOwnSectionAndKeepsEverythingAroundIt() {
        ReportSection other = new ReportSection("held-out");
        String document =
                other.replace(section.replace("intro\n", "old rates\n"), "held-out figures\n") + "\nbaseline by hand\n";

        String updated = section.replace(document, "new rates\n");

        assertThat(updated).isEqualTo(document.replace("old rates", "new rates"));
        assertThat(section.replace(updated, "new rates\n")).isEqualTo(updated);
    }
}
