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

class SyntheticPostsTest {

    @TempDir
    Path dir;

    @Test
    void expandsEveryTemplateIntoDistinctPostsTheSameWayEveryTime() throws IOException {
        List<LabelledPost> first = expand(7L);
        assertThat(first).isEqualTo(expand(7L));
        assertThat(first)
                .extracting(LabelledPost::text)
                .allMatch(text -> !text.contains("{"))
                .contains("vi skal dræbe dem i aften");
        assertThat(first)
                .filteredOn(p -> p.id().startsWith("t0-"))
                .hasSizeBetween(2, 4)
                .allMatch(p -> p.category() == Category.THREAT)
                .extracting(LabelledPost::text)
                .doesNotHaveDuplicates();
    }

    @Test
    void holdsOutWholeTemplatesSoHeldOutPostsArePhrasingTheModelHasNotSeen() throws IOException {
        Map<String, List<Boolean>> heldOutByTemplate = expand(7L).stream()
                .collect(Collectors.groupingBy(
                        p -> p.id().substring(0, p.id().indexOf('-')),
                        Collectors.mapping(LabelledPost::heldOut, Collectors.toList())));
        assertThat(heldOutByTemplate.values())
                .allMatch(flags -> flags.stream().distinct().count() == 1);
        assertThat(heldOutByTemplate.values()).anyMatch(flags -> flags.get(0)).anyMatch(flags -> !flags.get(0));
    }

    @Test
    void skipsTemplatesWithAnUnknownLabelOrSlot() throws IOException {
        Path templates = dir.resolve("templates.tsv");
        Path slots = dir.resolve("slots.tsv");
        Files.writeString(
                templates, "a\tthreat\tda\tvi skal {kill} dem\nb\tmaybe\tda\tnoget\nc\tneutral\tda\t{nope} her\n");
        Files.writeString(slots, "da\tkill\tdræbe\n");
        List<LabelledPost> posts = new ArrayList<>();
        assertThat(SyntheticPosts.read(templates, slots, 1L, posts)).isEqualTo(2);
        assertThat(posts).extracting(LabelledPost::text).containsExactly("vi skal dræbe dem");
    }

    private List<LabelledPost> expand(long seed) throws IOException {
        Path templates = dir.resolve("templates.tsv");
        Path slots = dir.resolve("slots.tsv");
        StringBuilder t = new StringBuilder("# comment\n");
        for (int k = 0; k < 40; k++) {
            t.append("t").append(k).append("\tthreat\tda\tvi skal {kill} dem {time}\n");
        }
        Files.writeString(templates, t);
        Files.writeString(slots, "da\tkill\tdræbe\nda\tkill\tskyde\nda\ttime\ti aften\nda\ttime\ti nat\n");
        List<LabelledPost> posts = new ArrayList<>();
        assertThat(SyntheticPosts.read(templates, slots, seed, posts)).isZero();
        return posts;
    }
}
