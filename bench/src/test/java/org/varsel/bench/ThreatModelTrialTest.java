package org.varsel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.varsel.pipeline.classify.Category;
import org.varsel.pipeline.classify.LabelledPost;

class ThreatModelTrialTest {

    @TempDir
    Path dir;

    private Path edosFile() throws IOException {
        Path file = dir.resolve("edos_train.csv");
        Files.writeString(file, """
                rewire_id,text,label_sexist,label_category,label_vector,split
                e-1,"someone should hit her, hard",sexist,"1. threats, plans to harm and incitement",1.2 incitement,train
                e-2,women are all the same,sexist,2. derogation,2.1 descriptive attacks,train
                e-3,what a lovely morning,not sexist,none,none,train
                e-4,,not sexist,none,none,train
                """);
        return file;
    }

    @Test
    void readsEdosThreatsAsThreatsRepeatedAndEveryOtherPostSexistOrNotAsNoThreat() throws IOException {
        List<LabelledPost> posts = ThreatModelTrial.edos(edosFile(), 3, 1.0, 1L);

        assertThat(posts)
                .filteredOn(p -> p.category() == Category.THREAT)
                .hasSize(3)
                .allMatch(p -> p.id().equals("e-1"));
        assertThat(posts)
                .filteredOn(p -> p.category() != Category.THREAT)
                .extracting(LabelledPost::id)
                .containsExactly("e-2", "e-3");
        assertThat(posts).allMatch(p -> !p.heldOut() && p.source().equals("edos"));
    }

    @Test
    void keepsNoOtherPostWhenNoneIsKeptAndNoThreatWhenNotRepeated() throws IOException {
        assertThat(ThreatModelTrial.edos(edosFile(), 1, 0.0, 1L))
                .extracting(LabelledPost::id)
                .containsExactly("e-1");
        assertThat(ThreatModelTrial.edos(edosFile(), 0, 1.0, 1L))
                .extracting(LabelledPost::id)
                .containsExactly("e-2", "e-3");
    }

    @Test
    void takesJigsawThreatsAndToxicCommentsOutsideTheHeldOutFifthAndNeverANonToxicOne() {
        List<LabelledPost> jigsaw = List.of(
                new LabelledPost("jigsaw", "j1", "i will find you", Category.THREAT, false),
                new LabelledPost("jigsaw", "j2", "i will end you", Category.THREAT, true),
                new LabelledPost("jigsaw", "j3", "you idiot", Category.OFFENSIVE, false),
                new LabelledPost("jigsaw", "j4", "those people", Category.HATEFUL, false),
                new LabelledPost("jigsaw", "j5", "nice edit", Category.NEUTRAL, false),
                new LabelledPost("jigsaw", "j6", "stupid", Category.OFFENSIVE, true),
                new LabelledPost("synthetic", "s1", "we kill them", Category.THREAT, false));

        assertThat(ThreatModelTrial.jigsawThreats(jigsaw))
                .extracting(LabelledPost::id, LabelledPost::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("j1", "jigsaw-threat"));
        assertThat(ThreatModelTrial.jigsawToxic(jigsaw))
                .extracting(LabelledPost::id)
                .containsExactly("j3", "j4");
        assertThat(ThreatModelTrial.jigsawToxic(jigsaw))
                .allMatch(p -> p.source().equals("jigsaw-toxic"));
    }
}
