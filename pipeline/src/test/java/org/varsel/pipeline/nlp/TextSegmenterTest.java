package org.varsel.pipeline.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TextSegmenterTest {

  private static TextSegmenter segmenter;

  @BeforeAll
  static void loadModels() {
    segmenter = new TextSegmenter();
  }

  @Test
  void splitsEnglishSentencesAndTokensWithTheOpenNlpModels() {
    assertThat(segmenter.sentences("Mr. Smith went to Washington. He did not return.", "en"))
        .containsExactly("Mr. Smith went to Washington.", "He did not return.");
    assertThat(segmenter.tokens("They didn't come, did they?", "en-US")).contains("They", "come", ",", "?");
  }

  @Test
  void splitsDanishWithTheJdkAndLucene() {
    assertThat(segmenter.sentences("Det regner i København. Vi bliver hjemme i dag!", "da"))
        .containsExactly("Det regner i København.", "Vi bliver hjemme i dag!");
    assertThat(segmenter.tokens("Vi bliver hjemme på Østerbro.", "da"))
        .containsExactly("Vi", "bliver", "hjemme", "på", "Østerbro");
  }

  @Test
  void stemsDanishTermsAndDropsStopWords() {
    assertThat(segmenter.terms("Politikerne og politikeren", "da"))
        .containsExactly("politik", "politik");
  }

  @Test
  void fallsBackToStandardAnalysisForOtherLanguages() {
    assertThat(segmenter.terms("Ποτέ ΞΑΝΆ", "el")).containsExactly("ποτέ", "ξανά");
    assertThat(segmenter.tokens("", "und")).isEmpty();
    assertThat(segmenter.sentences(null, "en")).isEmpty();
  }
}
