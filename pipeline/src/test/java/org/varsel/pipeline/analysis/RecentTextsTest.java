package org.varsel.pipeline.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The analysis is asked once for a text and its language tag read lately, and its answer is remembered as theirs. */
class RecentTextsTest {

    @Test
    void asksTheAnalysisOnceForATextInOneLanguageAndAgainForAnotherTagOrATextLongerThanAPost() {
        RecentTexts<String> recent = new RecentTexts<>(16);
        List<String> asked = new ArrayList<>();
        String post = "kill them all";
        String longer = "x".repeat(RecentTexts.LONGEST + 1);

        for (int i = 0; i < 3; i++) {
            assertThat(recent.answer(post, Optional.of("en"), () -> ask(asked, "en:" + post)))
                    .isEqualTo("en:" + post);
            assertThat(recent.answer(post, Optional.empty(), () -> ask(asked, "und:" + post)))
                    .isEqualTo("und:" + post);
            assertThat(recent.answer(longer, Optional.of("en"), () -> ask(asked, "long")))
                    .isEqualTo("long");
        }

        assertThat(asked).containsExactly("en:" + post, "und:" + post, "long", "long", "long");
    }

    private static String ask(List<String> asked, String answer) {
        asked.add(answer);
        return answer;
    }
}
