package org.varsel.pipeline.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTrainerTest {

  @TempDir Path data;

  @Test
  void trainingTwiceOnTheSameDataGivesTheSameVersionAndTheSameScores() throws IOException {
    writeTinyCorpus();
    TrainingOptions options = new TrainingOptions(1L, "MAXENT_QN", 30, 1, 1.0, 0.0, 0.0, 1.0, 1, 1);
    TrainingCorpus corpus = TrainingCorpus.read(data, options.seed(), 0.0, 0.0);

    TrainedModel first = ModelTrainer.train(corpus, data, options, line -> {});
    TrainedModel second = ModelTrainer.train(corpus, data, options, line -> {});

    assertThat(first.version()).isEqualTo(second.version()).matches("doccat-[0-9a-f]{12}");
    String probe = "you are all vermin and should go back";
    assertThat(new HarmClassifier(first.model()).classify(probe))
        .isEqualTo(new HarmClassifier(second.model()).classify(probe));
    assertThat(new HarmClassifier(first.model()).classify("have a lovely day friends").category())
        .isEqualTo(Category.NEUTRAL);
    assertThat(new HarmClassifier(first.model()).classify("tonight we kill them all with knives").category())
        .isEqualTo(Category.THREAT);
  }

  @Test
  void theVersionChangesWithTheDataAndWithTheOptions() throws IOException {
    writeTinyCorpus();
    TrainingOptions options = TrainingOptions.defaults();
    String before = ModelTrainer.version(data, options);
    assertThat(ModelTrainer.version(data, new TrainingOptions(2L, "MAXENT_QN", 150, 2, 3.0, 0.1, 0.2, 0.3, 5, 2)))
        .isNotEqualTo(before);
    Files.writeString(data.resolve(TrainingCorpus.FILES.get(2)), "id\ttweet\tsubtask_a\n1\tnoget andet\tNOT\n");
    assertThat(ModelTrainer.version(data, options)).isNotEqualTo(before);
  }

  @Test
  void holdsOutADeterministicSliceThatDependsOnTheSeed() {
    int heldOut = 0;
    int differ = 0;
    for (int id = 0; id < 10_000; id++) {
      double f = TrainingCorpus.stableFraction(7L, "dkhate", Integer.toString(id));
      assertThat(f).isEqualTo(TrainingCorpus.stableFraction(7L, "dkhate", Integer.toString(id))).isBetween(0.0, 1.0);
      heldOut += f < 0.2 ? 1 : 0;
      differ += (f < 0.2) != (TrainingCorpus.stableFraction(8L, "dkhate", Integer.toString(id)) < 0.2) ? 1 : 0;
    }
    assertThat(heldOut).isBetween(1_900, 2_100);
    assertThat(differ).isGreaterThan(2_000);
  }

  private void writeTinyCorpus() throws IOException {
    Files.createDirectories(data.resolve("davidson"));
    Files.createDirectories(data.resolve("hatexplain"));
    Files.createDirectories(data.resolve("dkhate"));
    Files.createDirectories(data.resolve("varsel-synthetic"));
    List<String> davidson = new ArrayList<>(List.of(",count,hate_speech,offensive_language,neither,class,tweet"));
    List<String> hatexplain = new ArrayList<>(List.of("split\tpost_id\tsource\tlabel\ttargets\ttext"));
    for (int k = 0; k < 30; k++) {
      davidson.add(k + ",3,3,0,0,0,\"you are vermin \"\"go back\"\" " + k + "\"");
      davidson.add((100 + k) + ",3,0,3,0,1,you stupid bitch " + k);
      davidson.add((200 + k) + ",3,0,0,3,2,\"have a lovely day\nfriends " + k + "\"");
      hatexplain.add("train\th" + k + "\ttwitter\thatespeech\t\tthose vermin should all go back");
      hatexplain.add("train\to" + k + "\ttwitter\toffensive\t\tshut up you stupid idiot");
      hatexplain.add("train\tn" + k + "\ttwitter\tnormal\t\twhat a lovely day with friends");
    }
    Files.write(data.resolve(TrainingCorpus.FILES.get(0)), davidson);
    Files.write(data.resolve(TrainingCorpus.FILES.get(1)), hatexplain);
    Files.writeString(data.resolve(TrainingCorpus.FILES.get(2)),
        "id\ttweet\tsubtask_a\n1\tdu er en idiot\tOFF\n2\tdejligt vejr i dag\tNOT\n3    [deleted]   NOT\n");
    Files.writeString(data.resolve(TrainingCorpus.FILES.get(3)), "# id\tlabel\tlang\ttemplate\n"
        + "t1\tthreat\ten\tgrab the {weapon} and kill them all tonight\n"
        + "t2\tthreat\ten\tbring {weapon} tonight, we kill every one of them\n"
        + "t3\tthreat\ten\ttonight we kill them with {weapon}\n"
        + "t4\tthreat\ten\tkill them all, bring the {weapon}\n");
    Files.writeString(data.resolve(TrainingCorpus.FILES.get(4)), "en\tweapon\tguns\nen\tweapon\tknives\nen\tweapon\trifles\n");
  }
}
