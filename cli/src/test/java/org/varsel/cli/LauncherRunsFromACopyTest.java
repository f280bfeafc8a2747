package org.varsel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ./varsel} and {@code bench/run} build the project and start a JVM on what they built; the next launch builds
 * again while the first JVM runs. Here each launcher runs in a project of its own whose {@code mvn} "builds" by
 * rewriting the classes and the module jar in place, as Maven does: the first JVM must go on with the classes it was
 * started with (it used to load the next build's, or die of NoClassDefFoundError on a class the build had removed).
 */
class LauncherRunsFromACopyTest {
    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    @ParameterizedTest
    @CsvSource({"varsel, cli", "bench/run, bench"})
    void aRunningJvmKeepsTheClassesItStartedWithWhileTheNextLaunchRebuilds(
            String launcher, String module, @TempDir Path root) throws Exception {
        Project project = Project.write(root, launcher, module);

        Process first = project.launch("org.varsel.cli.Later");
        BufferedReader firstOut = reader(first);
        assertThat(firstOut.readLine()).isEqualTo("started");

        project.sourcesChanged();
        Process second = project.launch("org.varsel.cli.Later");
        BufferedReader secondOut = reader(second);
        assertThat(secondOut.readLine()).isEqualTo("started");
        proceed(second);
        assertThat(secondOut.readLine())
                .as("the second launch runs the second build")
                .isEqualTo("build 2");
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();

        proceed(first);
        assertThat(firstOut.readLine())
                .as("the first JVM loads a class after the second build replaced it")
                .isEqualTo("build 1");
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isZero();

        Process third = project.launch("org.varsel.cli.Later");
        proceed(third);
        assertThat(reader(third).lines().toList()).containsExactly("started", "build 2");
        assertThat(third.waitFor(60, TimeUnit.SECONDS)).isTrue();
        try (Stream<Path> copies = Files.list(root.resolve(".varsel/run/" + module))) {
            assertThat(copies.filter(Files::isDirectory)
                            .filter(p -> !p.getFileName().toString().startsWith(".")))
                    .as("the first build's copy is removed once no JVM runs from it")
                    .hasSize(1);
        }
    }

    private static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private static void proceed(Process process) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write('\n');
        in.flush();
    }

    /**
     * A project with the real launcher scripts, two builds of a main class and of a class in a module jar it loads only
     * when told to, and an {@code mvn} that installs the next build over the last one in place.
     */
    private record Project(Path root, String launcher, String module) {
        static Project write(Path root, String launcher, String module) throws IOException {
            copyExecutable(PROJECT.resolve(launcher), root.resolve(launcher));
            copyExecutable(PROJECT.resolve("scripts/run-from-copy.sh"), root.resolve("scripts/run-from-copy.sh"));
            Files.writeString(root.resolve("pom.xml"), "<project/>\n");
            for (int build = 1; build <= 2; build++) {
                Path out = root.resolve("builds/" + build);
                compile(
                        out.resolve("classes"),
                        "Varsel",
                        "package org.varsel.cli; public class Varsel { public static void main(String[] a) throws"
                                + " Exception { System.out.println(\"started\"); System.in.read();"
                                + " System.out.println(Class.forName(a[0]).getField(\"BUILD\").get(null)); } }");
                compile(
                        out.resolve("module"),
                        "Later",
                        "package org.varsel.cli; public class Later { public static final String BUILD = \"build "
                                + build + "\"; }");
                jar(out.resolve("module"), out.resolve("module.jar"));
            }
            Path bin = root.resolve("bin");
            Path cp = root.resolve(module + "/target/classpath.txt");
            Path jar = root.resolve("local/target/varsel-local.jar");
            Path classes = root.resolve(module + "/target/classes");
            writeExecutable(
                    bin.resolve("mvn"),
                    String.join(
                            "\n",
                            "#!/usr/bin/env bash",
                            "set -e",
                            "n=$(( $(cat '" + root + "/builds/count' 2>/dev/null || echo 0) + 1 ))",
                            "echo $n > '" + root + "/builds/count'",
                            "[ $n -le 2 ] || n=2 # later builds build the second again",
                            "mkdir -p '" + classes + "' '" + jar.getParent() + "'",
                            "rm -rf '" + classes + "'/*",
                            "cp -R '" + root + "/builds/'$n/classes/. '" + classes + "'",
                            "cat '" + root + "/builds/'$n/module.jar > '" + jar + "'",
                            "printf '%s' '" + jar + "' > '" + cp + "'",
                            ""));
            return new Project(root, launcher, module);
        }

        void sourcesChanged() throws IOException {
            Files.setLastModifiedTime(
                    root.resolve("pom.xml"), FileTime.from(Instant.now().plusSeconds(3600)));
        }

        /** Starts the launcher on the main class, which prints "started", waits for a line, then loads the class. */
        Process launch(String laterClass) throws IOException {
            List<String> command =
                    new ArrayList<>(List.of("bash", root.resolve(launcher).toString()));
            if (launcher.equals("bench/run")) {
                command.add("org.varsel.cli.Varsel");
            }
            command.add(laterClass);
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
            String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
            builder.environment().put("PATH", root.resolve("bin") + ":" + javaBin + ":" + System.getenv("PATH"));
            builder.environment().remove("VARSEL_JAVA_OPTS");
            return builder.start();
        }

        private static void compile(Path out, String className, String source) throws IOException {
            Path src = Files.createDirectories(out.resolveSibling(out.getFileName() + "-src"))
                    .resolve(className + ".java");
            Files.writeString(src, source);
            Files.createDirectories(out);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            int status = javac.run(null, null, null, "--release", "17", "-d", out.toString(), src.toString());
            assertThat(status).as("javac " + className).isZero();
        }

        private static void jar(Path classes, Path jar) throws IOException {
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                    Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(file).toString()));
                    out.write(Files.readAllBytes(file));
                    out.closeEntry();
                }
            }
        }

        private static void copyExecutable(Path from, Path to) throws IOException {
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
            Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
        }

        private static void writeExecutable(Path file, String text) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, text);
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
