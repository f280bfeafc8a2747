package org.varsel.pipeline.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossSourceEvaluationTest {

    @TempDir
    Path data;

    @Test
    void measuresOneModelTrainedWithoutEachSourceOnThatSourcesHeldOutPosts() throws IOException {
        TinyTrainingData.writeTo(data);
        Files.writeString(
                data.resolve(TrainingCorpus.FILES.get(1)),
                "val\tv1\ttwitter\thatespeech\t\tvermin go back\n" + "val\tv2\ttwitter\tnormal\t\ta lovely day\n",
                StandardOpenOption.APPEND);
        TrainingOptions options =
                new TrainingOptions(1L, "MAXENT_QN", 30, 1, 1.0, 0.5, 0.5, 1.0, 1, 1, 1.0, 1.0, 1.0, 1);
        TrainingCorpus corpus =
                TrainingCorpus.read(data, options.seed(), options.davidsonHeldOut(), options.danishHeldOut());
        ModelEvaluation all = ModelEvaluation.evaluate(
                new HarmClassifier(
                        ModelTrainer.train(corpus, data, options, line -> {}).model()),
                corpus);

        CrossSourceEvaluation cross = CrossSourceEvaluation.run(all, corpus, data, options, line -> {});

        // the synthetic templates are never left out: without them (and Jigsaw) a model could not classify a threat
        assertThat(cross.rows())
                .extracting(CrossSourceEvaluation.Row::withoutSource)
                .containsExactly(
                        null,
                        TrainingCorpus.HATEXPLAIN,
                        TrainingCorpus.DAVIDSON,
                        TrainingCorpus.DKHATE,
                        TrainingCorpus.STORMFRONT,
                        TrainingCorpus.JIGSAW);
        assertThat(cross.rows().get(1).evaluation().matrix("hatexplain-val").total())
                .isEqualTo(all.matrix("hatexplain-val").total())
                .isPositive();
        String markdown = cross.toMarkdown();
        assertThat(markdown)
                .contains("| hatexplain-val | ")
                .contains("| all but stormfront |")
                .contains("| every source |");
        assertThat(markdown.lines().filter(l -> l.startsWith("| all but ")))
                .hasSize(5)
                .allMatch(l -> l.chars().filter(c -> c == '*').count() == 4);
        // the harm threshold is measured on sources each model never saw, one row per threshold
        assertThat(cross.rows().subList(1, 6))
                .allMatch(r -> r.byThreshold().size() == CrossSourceEvaluation.HARM_THRESHOLDS.size());
        assertThat(markdown.lines().filter(l -> l.matches("\\| 0\\.[4-8] \\|( [01]\\.\\d{3} \\|){6}")))
                .hasSize(5);
    }
}
