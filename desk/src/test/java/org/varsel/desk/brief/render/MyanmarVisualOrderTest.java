package org.varsel.desk.brief.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MyanmarVisualOrderTest {
    @Test
    void theVowelSignEIsDrawnBeforeItsConsonant() {
        assertThat(MyanmarVisualOrder.of("မော")).isEqualTo("\u1031မ\u102C");
    }

    @Test
    void theMedialRaIsDrawnBeforeItsConsonantAfterTheVowelSignE() {
        assertThat(MyanmarVisualOrder.of("ပြော")).isEqualTo("\u1031\u103Cပ\u102C");
        assertThat(MyanmarVisualOrder.of("ကြ")).isEqualTo("\u103Cက");
    }

    @Test
    void otherTextAndOtherBurmeseSyllablesStayAsTheyAre() {
        assertThat(MyanmarVisualOrder.of("<p dir=\"auto\">Kill all of them, ሰዎች</p>"))
                .isEqualTo("<p dir=\"auto\">Kill all of them, ሰዎች</p>");
        assertThat(MyanmarVisualOrder.of("သူတို့ ထုတ်")).isEqualTo("သူတို့ ထုတ်");
        assertThat(MyanmarVisualOrder.of("မောင်းထုတ်")).isEqualTo("\u1031မ\u102Cင်းထုတ်");
    }
}
