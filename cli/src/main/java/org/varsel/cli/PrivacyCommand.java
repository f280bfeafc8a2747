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
import org.varsel.pipeline.privacy.HandlePseudonyms;
import org.varsel.pipeline.privacy.PrivacySettings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./varsel privacy erase}: data subjects' requests against what the desk stores (docs/privacy.md). */
@Command(
    name = "privacy",
    mixinStandardHelpOptions = true,
    description = "Data protection: erase a person's data from the desk's database (docs/privacy.md).",
    subcommands = {PrivacyCommand.Erase.class})
public final class PrivacyCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(name = "erase", mixinStandardHelpOptions = true,
      description = {
          "Removes an account's posts (by its handle and the pseudonym the pipeline gave it) or one signal from",
          "every incident's evidence, with their receipts and dead letters; other mentions become [erased].",
          "Prints what changed and records it in the audit log (counts only). Kafka topics are not rewritten:",
          "they age out by their retention (docs/privacy.md)."})
  static final class Erase implements Callable<Integer> {
    @Mixin DeskDatabaseOptions database;

    static final class Subject {
      @Option(names = "--handle", required = true, description = "The account's handle (a leading @ and case are ignored).")
      String handle;

      @Option(names = "--signal", required = true, description = "A signal id (as the desk shows it in an incident's evidence).")
      String signal;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Subject subject;

    @Option(names = "--handle-key-env", defaultValue = "VARSEL_PIPELINE_PRIVACY_HANDLE_KEY",
        description = "Environment variable with the pipeline's handle key, to find the handle's pseudonym. Default: ${DEFAULT-VALUE}.")
    String keyVariable;

    @Option(names = "--handle-key-file", description = "File holding the pipeline's handle key (instead of the environment).")
    Optional<Path> keyFile;

    @Option(names = "--actor", description = "Who asks, for the audit log. Default: cli:<user.name>.")
    Optional<String> actor;

    @Override
    public Integer call() throws Exception {
      String who = actor.orElse("cli:" + System.getProperty("user.name", "unknown"));
      try (Database db = database.open(System.getenv())) {
        Erasure erasure = new Erasure(db);
        Erasure.Report report;
        if (subject.handle != null) {
          Set<String> identifiers = new LinkedHashSet<>(List.of(subject.handle));
          Optional<String> key = key();
          if (key.isPresent()) {
            identifiers.add(new HandlePseudonyms(PrivacySettings.of(key.get(), "")).handle(subject.handle));
          } else {
            System.err.println("warning: no handle key (" + keyVariable + " or --handle-key-file): only the clear handle"
                + " is erased; its pseudonym, under which the pipeline stored the account's posts, is not");
          }
          report = erasure.eraseHandle(identifiers, who);
          System.out.println("erased handle " + subject.handle + (key.isPresent() ? " and its pseudonym" : ""));
        } else {
          report = erasure.eraseSignal(subject.signal, who);
          System.out.println("erased signal " + subject.signal);
        }
        report.changes().forEach((what, count) -> System.out.println("  " + what + ": " + count));
        System.out.println("  incidents changed: " + (report.incidents().isEmpty() ? "none" : String.join(", ", report.incidents())));
        System.out.println("recorded in the audit log as " + Erasure.ACTION + " by " + who);
      }
      return 0;
    }

    private Optional<String> key() throws java.io.IOException {
      if (keyFile.isPresent()) {
        return Optional.of(Files.readString(keyFile.get(), StandardCharsets.UTF_8).trim()).filter(k -> !k.isEmpty());
      }
      return Optional.ofNullable(System.getenv(keyVariable)).map(String::trim).filter(k -> !k.isEmpty());
    }
  }
}
