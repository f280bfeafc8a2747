package org.varsel.pipeline.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Author;
import org.varsel.contract.Signal;
import org.varsel.contract.Tlp;
import org.varsel.pipeline.settings.PipelineSettings;

class HandlePseudonymsTest {
    static final String KEY = "k".repeat(40);
    final HandlePseudonyms pseudonyms =
            new HandlePseudonyms(PrivacySettings.of(KEY, "x:@MinistryOfTruth, @pressoffice"));

    static Signal by(String platform, Author author) {
        return new Signal(
                "s1",
                "feed:t",
                "e1",
                "post",
                Instant.parse("2026-11-20T10:00:00Z"),
                null,
                platform,
                author,
                "some text",
                "en",
                Tlp.GREEN,
                null,
                null);
    }

    @Test
    void sameHandleGivesSamePseudonymAndNeverTheClearHandle() {
        Signal a = pseudonyms.apply(by("x", new Author("@Alice", "12345", "Alice Example")));
        Signal b = pseudonyms.apply(by("x", new Author("alice", null, null)));
        assertThat(a.author().handle())
                .isEqualTo(b.author().handle())
                .startsWith("anon-")
                .doesNotContainIgnoringCase("alice");
        assertThat(HandlePseudonyms.isPseudonym(a.author().handle())).isTrue();
        assertThat(a.author().id()).startsWith("anon-").doesNotContain("12345");
        assertThat(a.author().displayName()).isNull();
        assertThat(a.toString()).doesNotContainIgnoringCase("alice").doesNotContain("12345");
        assertThat(pseudonyms.apply(a)).as("idempotent").isEqualTo(a);
    }

    @Test
    void anotherKeyGivesAnotherPseudonym() {
        HandlePseudonyms other = new HandlePseudonyms(PrivacySettings.of("z".repeat(40), ""));
        assertThat(other.handle("alice")).isNotEqualTo(pseudonyms.handle("alice"));
    }

    @Test
    void publicAccountsStayClear() {
        Signal ministry = by("x", new Author("@ministryoftruth", null, "Ministry"));
        assertThat(pseudonyms.apply(ministry)).isEqualTo(ministry);
        assertThat(pseudonyms
                        .apply(by("facebook", new Author("ministryoftruth", null, null)))
                        .author()
                        .handle())
                .as("listed for x only")
                .startsWith("anon-");
        Signal press = by("telegram", new Author("PressOffice", null, null));
        assertThat(pseudonyms.apply(press))
                .as("listed without a platform: public everywhere")
                .isEqualTo(press);
    }

    @Test
    void theKeyIsNeverPrintedAndProductionRequiresOne() {
        PipelineSettings settings = PipelineSettings.from(Map.of(PrivacySettings.HANDLE_KEY, KEY));
        assertThat(settings.toString()).doesNotContain(KEY).contains("handleKey=(set)");
        assertThat(pseudonyms.toString()).doesNotContain(KEY);
        assertThatThrownBy(() -> PipelineSettings.defaultSettings().privacy().requireKey())
                .hasMessageContaining(PrivacySettings.HANDLE_KEY)
                .hasMessageNotContaining(KEY);
        assertThatThrownBy(() -> PrivacySettings.of("short", "").requireKey())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PipelineSettings.defaultSettings()
                        .privacy()
                        .withGeneratedKeyIfMissing()
                        .handleKey())
                .hasSize(64);
    }
}
