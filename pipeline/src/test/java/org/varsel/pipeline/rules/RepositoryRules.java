package org.varsel.pipeline.rules;

import java.nio.file.Path;
import java.util.List;

/**
 * The repository's rules/ folder for tests: its files as loaded, its checked pack and an engine of the pack, each made
 * once per test JVM, since every test that reads them reads the same files.
 */
public final class RepositoryRules {

    /** The repository's rules/, seen from a module's folder (where Surefire runs). */
    public static final Path DIRECTORY = Path.of("..", "rules");

    private static RuleFiles.Loaded files;
    private static RulePack pack;
    private static RuleEngine engine;

    private RepositoryRules() {}

    /** The rule and lexicon files as loaded, with the problems of each. */
    static synchronized RuleFiles.Loaded files() {
        if (files == null) {
            files = RuleFiles.load(DIRECTORY);
        }
        return files;
    }

    /** The rules of the files, without where each came from. */
    static List<Rule> rules() {
        return files().rules().stream().map(RuleFiles.SourcedRule::rule).toList();
    }

    /** The lexicons of the files, without where each came from. */
    static List<Lexicon> lexicons() {
        return files().lexicons().stream()
                .map(LexiconFiles.SourcedLexicon::lexicon)
                .toList();
    }

    /** The pack the build bundles from the folder; fails with the checker's problems when the files fail it. */
    public static synchronized RulePack pack() {
        if (pack == null) {
            pack = BundledRules.fromDirectory(DIRECTORY);
        }
        return pack;
    }

    /**
     * The engine of the pack, shared by the tests that match texts against the bundled rules: building it is most of
     * such a test's time, matching is safe from several threads and closing one releases nothing.
     */
    public static synchronized RuleEngine engine() {
        if (engine == null) {
            engine = RuleEngine.build(pack());
        }
        return engine;
    }
}
