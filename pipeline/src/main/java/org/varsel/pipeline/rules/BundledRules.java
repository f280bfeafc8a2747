package org.varsel.pipeline.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The rule pack the pipeline starts with: the repository's {@code rules/}, checked and packed into the jar at build
 * time ({@link #main}), so a job never starts with rules that failed their checks or examples.
 */
public final class BundledRules {
    public static final String RESOURCE = "/rules/default-pack.json";
    public static final String PACK_NAME = "default";

    private BundledRules() {}

    /** The pack packed into this build. */
    public static RulePack load() {
        try (InputStream in = BundledRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "no bundled rule pack at " + RESOURCE + "; the build writes it (BundledRules.main)");
            }
            return RulePack.fromJson(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pack in a rules directory, checked; throws with every problem listed when the checks fail. */
    public static RulePack fromDirectory(Path directory) {
        RuleCheck.Report report = RuleCheck.run(directory, PACK_NAME);
        return report.pack()
                .orElseThrow(() -> new IllegalArgumentException("rules in " + directory + " fail their checks:\n"
                        + report.errors().stream()
                                .map(RuleProblem::toString)
                                .collect(java.util.stream.Collectors.joining("\n", "", "\n"))
                        + report.summary()));
    }

    /** Build step: {@code BundledRules <rules dir> <output json>}; fails the build when any rule fails its checks. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: BundledRules <rules dir> <output json>");
        }
        RulePack pack = fromDirectory(Path.of(args[0]));
        Path output = Path.of(args[1]);
        Files.createDirectories(output.getParent());
        Files.write(output, pack.toJson());
        System.out.println(
                "bundled " + pack.rules().size() + " rules, pack version " + pack.version() + " → " + output);
    }
}
