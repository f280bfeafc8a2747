package org.varsel.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoriesTest {

    /**
     * Flink still deletes subsumed checkpoints for a moment after a bounded job returns; a replay's clean-up that walks
     * the same folder met a file gone under it and failed the whole replay after its run (NoSuchFileException).
     */
    @Test
    void deletingAFolderWhileSomeoneElseDeletesInItSucceeds(@TempDir Path temp) throws Exception {
        for (int round = 0; round < 40; round++) {
            Path root = temp.resolve("chk-" + round);
            List<Path> files = new ArrayList<>();
            for (int d = 0; d < 20; d++) {
                Path dir = Files.createDirectories(root.resolve("chk-" + d));
                for (int f = 0; f < 20; f++) {
                    files.add(Files.writeString(dir.resolve("state-" + f), "x"));
                }
            }
            CountDownLatch start = new CountDownLatch(1);
            Thread other = new Thread(() -> {
                try {
                    start.await();
                    for (Path file : files) {
                        Files.deleteIfExists(file);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            other.start();
            start.countDown();
            Directories.deleteRecursively(root);
            other.join();
            assertThat(root).doesNotExist();
        }
    }
}
