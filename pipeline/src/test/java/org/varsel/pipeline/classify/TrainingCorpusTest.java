package org.varsel.pipeline.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingCorpusTest {

    @TempDir
    Path data;

    @Test
    void givesEveryHateXplainPostAnIdOfItsOwnThoughTheCopiedTrainSplitHasNone() throws IOException {
        TrainingCorpus corpus = readWithFile(
                1,
                "split\tpost_id\tsource\tlabel\ttargets\ttext\n"
                        + "train\t\tgab\tnormal\t\ta lovely day\n"
                        + "train\t\tgab\thatespeech\t\tvermin go back\n"
                        + "val\tv1\ttwitter\tnormal\t\thello there\n");

        // sampling HateXplain by id (TrainingOptions.hatexplainKept) needs ids that differ
        assertThat(corpus.posts())
                .filteredOn(p -> p.source().equals(TrainingCorpus.HATEXPLAIN))
                .extracting(LabelledPost::id)
                .hasSize(3)
                .doesNotHaveDuplicates()
                .doesNotContain("")
                .contains("v1");
    }

    @Test
    void readsStormfrontHateAsHatefulAndNoHateAsNeutralSkippingUnsureAndContextOnlySentences() throws IOException {
        TrainingCorpus corpus = readWithFile(
                5,
                "file_id\tlabel\ttext\n"
                        + "10_1\thate\tthey are a plague on this land\n10_2\tnoHate\tthe meeting is on tuesday\n"
                        + "11_1\tidk/skip\tunclear\n11_2\trelation\tand so are the rest\n12_1\tnoHate\t \n");

        assertThat(corpus.posts())
                .filteredOn(p -> p.source().equals(TrainingCorpus.STORMFRONT))
                .extracting(LabelledPost::id, LabelledPost::category)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("10_1", Category.HATEFUL),
                        org.assertj.core.groups.Tuple.tuple("10_2", Category.NEUTRAL));
        assertThat(corpus.skipped()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void holdsOutWholeStormfrontForumPostsSoNoSentenceOfAHeldOutPostIsTrainedOn() throws IOException {
        TinyTrainingData.writeTo(data);
        List<String> lines = new ArrayList<>(List.of("file_id\tlabel\ttext"));
        for (int post = 0; post < 200; post++) {
            for (int sentence = 1; sentence <= 3; sentence++) {
                lines.add(post + "_" + sentence + "\tnoHate\tsentence " + sentence + " of post " + post);
            }
        }
        Files.write(data.resolve(TrainingCorpus.FILES.get(5)), lines);

        Map<String, List<Boolean>> heldOutByPost = TrainingCorpus.read(data, 1L, 0.0, 0.0).posts().stream()
                .filter(p -> p.source().equals(TrainingCorpus.STORMFRONT))
                .collect(Collectors.groupingBy(
                        p -> p.id().substring(0, p.id().indexOf('_')),
                        Collectors.mapping(LabelledPost::heldOut, Collectors.toList())));

        assertThat(heldOutByPost).hasSize(200);
        assertThat(heldOutByPost.values())
                .allMatch(flags -> flags.stream().distinct().count() == 1);
        long heldOut =
                heldOutByPost.values().stream().filter(flags -> flags.get(0)).count();
        assertThat(heldOut).isBetween(20L, 60L);
    }

    @Test
    void aCorpusWithoutASourceHasNoneOfItsPostsAndKeepsAllOthers() throws IOException {
        TinyTrainingData.writeTo(data);
        TrainingCorpus corpus = TrainingCorpus.read(data, 1L, 0.0, 0.0);

        TrainingCorpus withoutDavidson = corpus.without(TrainingCorpus.DAVIDSON);

        assertThat(corpus.sources()).contains(TrainingCorpus.DAVIDSON, TrainingCorpus.STORMFRONT);
        assertThat(withoutDavidson.sources())
                .doesNotContain(TrainingCorpus.DAVIDSON)
                .containsExactlyElementsOf(corpus.sources().stream()
                        .filter(s -> !s.equals(TrainingCorpus.DAVIDSON))
                        .toList());
        assertThat(withoutDavidson.posts())
                .hasSize(corpus.posts().size()
                        - (int) corpus.posts().stream()
                                .filter(p -> p.source().equals(TrainingCorpus.DAVIDSON))
                                .count());
    }

    @Test
    void aCorpusWithMorePostsKeepsAllItsOwnAndAddsThemAfterInOrder() throws IOException {
        TinyTrainingData.writeTo(data);
        TrainingCorpus corpus = TrainingCorpus.read(data, 1L, 0.0, 0.0);
        LabelledPost edos = new LabelledPost("edos", "e1", "hit her in the face", Category.THREAT, false);

        TrainingCorpus more = corpus.with(List.of(edos));

        assertThat(more.posts())
                .startsWith(corpus.posts().toArray(LabelledPost[]::new))
                .endsWith(edos);
        assertThat(more.posts()).hasSize(corpus.posts().size() + 1);
        assertThat(more.skipped()).isEqualTo(corpus.skipped());
        assertThat(corpus.sources()).doesNotContain("edos");
    }

    @Test
    void readsJigsawThreatsAsThreatsIdentityHateAsHatefulOtherToxicityAsOffensiveAndSkipsUnlabelledRows()
            throws IOException {
        TrainingCorpus corpus = readWithFile(
                6,
                "id,comment_text,toxic,severe_toxic,obscene,threat,insult,identity_hate\n"
                        + "a1,\"I will kill you\nif you revert again\",1,0,0,1,0,1\n"
                        + "a2,those people are vermin,1,0,0,0,1,1\n"
                        + "a3,you idiot,1,0,0,0,1,0\n"
                        + "a4,thanks for the edit,0,0,0,0,0,0\n"
                        + "a5,a comment from the unlabelled test file,-1,-1,-1,-1,-1,-1\n"
                        + "a6, ,0,0,0,0,0,0\n");

        assertThat(corpus.posts())
                .filteredOn(p -> p.source().equals(TrainingCorpus.JIGSAW))
                .extracting(LabelledPost::id, LabelledPost::category, LabelledPost::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "a1", Category.THREAT, "I will kill you\nif you revert again"),
                        org.assertj.core.groups.Tuple.tuple("a2", Category.HATEFUL, "those people are vermin"),
                        org.assertj.core.groups.Tuple.tuple("a3", Category.OFFENSIVE, "you idiot"),
                        org.assertj.core.groups.Tuple.tuple("a4", Category.NEUTRAL, "thanks for the edit"));
        assertThat(corpus.skipped()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void holdsOutAFifthOfTheJigsawSampleByItsIds() throws IOException {
        TinyTrainingData.writeTo(data);
        List<String> lines =
                new ArrayList<>(List.of("id,comment_text,toxic,severe_toxic,obscene,threat,insult,identity_hate"));
        for (int k = 0; k < 500; k++) {
            lines.add("c" + k + ",comment " + k + ",0,0,0,0,0,0");
        }
        Files.write(data.resolve(TrainingCorpus.FILES.get(6)), lines);

        TrainingCorpus corpus = TrainingCorpus.read(data, 1L, 0.0, 0.0);

        assertThat(corpus.heldOut(TrainingCorpus.JIGSAW)).hasSizeBetween(70, 130);
        assertThat(TrainingCorpus.read(data, 1L, 0.0, 0.0).heldOut(TrainingCorpus.JIGSAW))
                .isEqualTo(corpus.heldOut(TrainingCorpus.JIGSAW));
    }

    /** The tiny training data with source file {@code file} (an index of {@link TrainingCorpus#FILES}) replaced. */
    private TrainingCorpus readWithFile(int file, String content) throws IOException {
        TinyTrainingData.writeTo(data);
        Files.writeString(data.resolve(TrainingCorpus.FILES.get(file)), content);
        return TrainingCorpus.read(data, 1L, 0.0, 0.0);
    }
}
