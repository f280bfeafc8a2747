package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Quoted passages: what lies inside quotation marks, and what an apostrophe does not end. */
class QuotationsTest {

    @Test
    void aTypographicApostropheInsideAWordDoesNotCloseTheQuote() {
        String text = "Law student: \u2018I\u2019ll kill you \u2014 don\u2019t speak to me wrong\u2019 Spread this";
        List<int[]> spans = Quotations.spans(text);

        assertThat(spans).hasSize(1);
        assertThat(text.substring(spans.get(0)[0], spans.get(0)[1]))
                .isEqualTo("I\u2019ll kill you \u2014 don\u2019t speak to me wrong");
    }

    @Test
    void aPlainApostropheInsideAWordDoesNotCloseTheQuoteEither() {
        String text = "He said 'don't you dare' and left";
        List<int[]> spans = Quotations.spans(text);

        assertThat(spans).hasSize(1);
        assertThat(text.substring(spans.get(0)[0], spans.get(0)[1])).isEqualTo("don't you dare");
    }
}
