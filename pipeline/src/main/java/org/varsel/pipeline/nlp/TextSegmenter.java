package org.varsel.pipeline.nlp;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Sentences, tokens and search terms for any language.
 *
 * <p>English uses OpenNLP's UD English-EWT sentence and token models. OpenNLP releases no models for
 * Danish or most other languages, so for them sentences come from the JDK's locale-aware
 * {@link BreakIterator} and tokens from Lucene's {@link StandardTokenizer} (Unicode UAX #29 word
 * boundaries, which suit Danish and other alphabetic languages). {@link #terms} applies the Lucene
 * analyser of the language (lower case, stop words, Snowball stemming; e.g. {@link DanishAnalyzer}) and
 * {@link StandardAnalyzer} where Lucene has none in this table. Not thread-safe: one per thread.
 */
public final class TextSegmenter {

  private static final Map<String, Supplier<Analyzer>> ANALYZERS = Map.of(
      "da", DanishAnalyzer::new,
      "en", EnglishAnalyzer::new,
      "de", GermanAnalyzer::new,
      "sv", SwedishAnalyzer::new,
      "nb", NorwegianAnalyzer::new,
      "nl", DutchAnalyzer::new,
      "fr", FrenchAnalyzer::new,
      "es", SpanishAnalyzer::new,
      "fi", FinnishAnalyzer::new,
      "ru", RussianAnalyzer::new);

  private final SentenceDetectorME englishSentences;
  private final TokenizerME englishTokens;
  private final Map<String, Analyzer> analyzers = new HashMap<>();

  public TextSegmenter() {
    SentenceModel sentences = ModelResources.load(ModelResources.ENGLISH_SENTENCES, SentenceModel::new);
    TokenizerModel tokens = ModelResources.load(ModelResources.ENGLISH_TOKENS, TokenizerModel::new);
    this.englishSentences = new SentenceDetectorME(sentences);
    this.englishTokens = new TokenizerME(tokens);
  }

  /** The sentences of {@code text} in {@code language} (a BCP-47 tag; {@code und} is fine). */
  public List<String> sentences(String text, String language) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    if (isEnglish(language)) {
      return List.of(englishSentences.sentDetect(text));
    }
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.forLanguageTag(language));
    it.setText(text);
    List<String> out = new ArrayList<>();
    for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      String sentence = text.substring(start, end).strip();
      if (!sentence.isEmpty()) {
        out.add(sentence);
      }
    }
    return out;
  }

  /** The word and punctuation tokens of {@code text} as written (no case folding). */
  public List<String> tokens(String text, String language) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    if (isEnglish(language)) {
      return List.of(englishTokens.tokenize(text));
    }
    try (StandardTokenizer tokenizer = new StandardTokenizer()) {
      tokenizer.setReader(new StringReader(text));
      return collect(tokenizer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lower-case, stemmed terms without stop words, as a search index for {@code language} would hold. */
  public List<String> terms(String text, String language) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    String primary = LanguageTags.primary(language).orElse("und");
    Analyzer analyzer = analyzers.computeIfAbsent(primary, l -> ANALYZERS.getOrDefault(l, StandardAnalyzer::new).get());
    try (TokenStream stream = analyzer.tokenStream("text", text)) {
      return collect(stream);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> collect(TokenStream stream) throws IOException {
    CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
    List<String> out = new ArrayList<>();
    stream.reset();
    while (stream.incrementToken()) {
      out.add(term.toString());
    }
    stream.end();
    return out;
  }

  private static boolean isEnglish(String language) {
    return LanguageTags.primary(language).map("en"::equals).orElse(false);
  }
}
