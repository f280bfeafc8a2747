package org.varsel.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.varsel.desk.db.Database;
import org.varsel.desk.privacy.Erasure;
import org.varsel.desk.privacy.ErasureRegister;
import org.varsel.pipeline.privacy.HandlePseudonyms;
import org.varsel.pipeline.privacy.PrivacySettings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./varsel privacy erase} and {@code privacy requests}: data subjects' requests against what the desk stores
 * (docs/privacy.md).
 */
@Command(
        name = "privacy",
        description = "Data protection: erase a person's data from the desk's database, list the register of erasure"
                + " requests (docs/privacy.md).",
        subcommands = {PrivacyCommand.Erase.class, PrivacyCommand.Requests.class})
public final class PrivacyCommand extends CommandGroup {

    @Command(
            name = "erase",
            description = {
                "Removes an account's posts (by its handle and the pseudonym the pipeline gave it) or one signal from",
                "every incident's evidence, with their receipts and dead letters; other mentions become [erased].",
                "Prints what changed, records it in the audit log (counts only) and in the register of erasure requests.",
                "Kafka topics are not rewritten: they age out by their retention; the desk erases again what the",
                "pipeline or a rebuild brings back until every store is past its retention (docs/privacy.md)."
            })
    static final class Erase implements Callable<Integer> {
        @Mixin
        DeskDatabaseOptions database;

        static final class Subject {
            @Option(
                    names = "--handle",
                    required = true,
                    description = "The account's handle (a leading @ and case are ignored).")
            String handle;

            @Option(
                    names = "--signal",
                    required = true,
                    description = "A signal id (as the desk shows it in an incident's evidence).")
            String signal;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Subject subject;

        @Option(
                names = "--handle-key-env",
                defaultValue = "VARSEL_PIPELINE_PRIVACY_HANDLE_KEY",
                description =
                        "Environment variable with the pipeline's handle key, to find the handle's pseudonym. Default: ${DEFAULT-VALUE}.")
        String keyVariable;

        @Option(
                names = "--handle-key-file",
                description = "File holding the pipeline's handle key (instead of the environment).")
        Optional<Path> keyFile;

        @Option(names = "--actor", description = "Who asks, for the audit log. Default: cli:<user.name>.")
        Optional<String> actor;

        @Override
        public Integer call() throws Exception {
            String who = actor.orElseGet(DeskAdmin::actor);
            try (Database db = database.open(System.getenv())) {
                Erasure erasure = new Erasure(db);
                Erasure.Report report;
                if (subject.handle != null) {
                    Set<String> identifiers = new LinkedHashSet<>(List.of(subject.handle));
                    Optional<String> key = key();
                    if (key.isPresent()) {
                        identifiers.add(new HandlePseudonyms(PrivacySettings.of(key.get(), "")).handle(subject.handle));
                    } else {
                        System.err.println(
                                "warning: no handle key (" + keyVariable
                                        + " or --handle-key-file): only the clear handle"
                                        + " is erased; its pseudonym, under which the pipeline stored the account's posts, is not");
                    }
                    report = erasure.eraseHandle(identifiers, who);
                    System.out.println(
                            "erased handle " + subject.handle + (key.isPresent() ? " and its pseudonym" : ""));
                } else {
                    report = erasure.eraseSignal(subject.signal, who);
                    System.out.println("erased signal " + subject.signal);
                }
                report.changes().forEach((what, count) -> System.out.println("  " + what + ": " + count));
                System.out.println("  incidents changed: "
                        + (report.incidents().isEmpty() ? "none" : String.join(", ", report.incidents())));
                System.out.println("recorded in the audit log as " + Erasure.ACTION + " by " + who);
                System.out.println("registered as erasure request " + report.request()
                        + ": the desk works it until every store is done (./varsel privacy requests)");
            }
            return 0;
        }

        private Optional<String> key() throws java.io.IOException {
            if (keyFile.isPresent()) {
                return Optional.of(Files.readString(keyFile.get(), StandardCharsets.UTF_8)
                                .trim())
                        .filter(k -> !k.isEmpty());
            }
            return Optional.ofNullable(System.getenv(keyVariable))
                    .map(String::trim)
                    .filter(k -> !k.isEmpty());
        }
    }

    @Command(
            name = "requests",
            description = {
                "Lists the register of erasure requests, newest first: who asked, when, and per store (the desk,",
                "the pipeline's state, each Kafka topic) its status and the time by which its retention removes the data."
            })
    static final class Requests implements Callable<Integer> {
        @Mixin
        DeskDatabaseOptions database;

        @Override
        public Integer call() throws Exception {
            try (Database db = database.open(System.getenv())) {
                List<ErasureRegister.Request> requests = new ErasureRegister(db).requests();
                if (requests.isEmpty()) {
                    System.out.println("no erasure requests");
                }
                for (ErasureRegister.Request request : requests) {
                    System.out.println("request " + request.id() + " (" + request.kind() + ") by "
                            + request.requestedBy() + " at " + request.requestedAt() + ": " + request.status());
                    for (ErasureRegister.Store store : request.stores()) {
                        System.out.println("  " + store.store() + ": " + store.status()
                                + store.dueAt().map(at -> " by " + at).orElse("")
                                + store.detail()
                                        .map(detail -> " (" + detail + ")")
                                        .orElse(""));
                    }
                }
            }
            return 0;
        }
    }
}
