package org.varsel.desk.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedactorTest {
    private final Redactor redactor =
            new Redactor(BriefSettings.load(Optional.empty()).redaction().patterns(), List.of("Mette Jensen", "Ali"));

    @Test
    void redactsEmailsPhoneNumbersAndListedNames() {
        String text =
                "Write to mette.jensen@ngo.example or call +45 12 34 56 78 or 87654321; Mette Jensen and ALI live here";
        assertThat(redactor.redact(text, List.of()))
                .isEqualTo(
                        "Write to [email redacted] or call [phone redacted] or [phone redacted]; [name redacted] and "
                                + "[name redacted] live here");
    }

    @Test
    void keepsTheReportedAccountsEvenWhenTheyLookLikePersonalData() {
        String text = "posted by hater@mail.example, also reachable at other@mail.example";
        assertThat(redactor.redact(text, List.of("hater@mail.example")))
                .isEqualTo("posted by hater@mail.example, also reachable at [email redacted]");
    }

    @Test
    void leavesDatesTimesAndNamesInsideOtherWordsAlone() {
        String text = "On 2025-03-01 at 10:00, Alibaba and Malik met";
        assertThat(redactor.redact(text, List.of())).isEqualTo(text);
    }
}
