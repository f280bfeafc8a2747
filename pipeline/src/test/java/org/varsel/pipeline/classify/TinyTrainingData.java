package org.varsel.pipeline.classify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A training data directory small enough to train a model in a test (seconds): every source, every class. */
public final class TinyTrainingData {
    private TinyTrainingData() {}

    /** Writes the six sources, a few dozen posts of each class, into {@code data}. */
    public static void writeTo(Path data) throws IOException {
        Files.createDirectories(data.resolve("davidson"));
        Files.createDirectories(data.resolve("hatexplain"));
        Files.createDirectories(data.resolve("dkhate"));
        Files.createDirectories(data.resolve("varsel-synthetic"));
        Files.createDirectories(data.resolve("stormfront"));
        Files.createDirectories(data.resolve("jigsaw"));
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
        Files.writeString(
                data.resolve(TrainingCorpus.FILES.get(2)),
                "id\ttweet\tsubtask_a\n1\tdu er en idiot\tOFF\n2\tdejligt vejr i dag\tNOT\n3    [deleted]   NOT\n");
        Files.writeString(
                data.resolve(TrainingCorpus.FILES.get(3)),
                "# id\tlabel\tlang\ttemplate\n"
                        + "t1\tthreat\ten\tgrab the {weapon} and kill them all tonight\n"
                        + "t2\tthreat\ten\tbring {weapon} tonight, we kill every one of them\n"
                        + "t3\tthreat\ten\ttonight we kill them with {weapon}\n"
                        + "t4\tthreat\ten\tkill them all, bring the {weapon}\n");
        Files.writeString(
                data.resolve(TrainingCorpus.FILES.get(4)),
                "en\tweapon\tguns\nen\tweapon\tknives\nen\tweapon\trifles\n");
        Files.writeString(
                data.resolve(TrainingCorpus.FILES.get(5)),
                "file_id\tlabel\ttext\n"
                        + "1_1\thate\tthose vermin ruin every town they move to\n1_2\tnoHate\tthe meeting is on tuesday\n"
                        + "2_1\tidk/skip\tunclear\n");
        List<String> jigsaw =
                new ArrayList<>(List.of("id,comment_text,toxic,severe_toxic,obscene,threat,insult,identity_hate"));
        for (int k = 0; k < 10; k++) {
            jigsaw.add("t" + k + ",\"i will find you and kill you\n" + k + "\",1,0,0,1,0,0");
            jigsaw.add("n" + k + ",thanks for fixing the citation " + k + ",0,0,0,0,0,0");
        }
        Files.write(data.resolve(TrainingCorpus.FILES.get(6)), jigsaw);
    }
}
