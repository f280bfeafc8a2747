package org.varsel.cli;

import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.varsel.contract.Tlp;
import org.varsel.desk.auth.IssuedToken;
import org.varsel.desk.db.Database;
import org.varsel.desk.partner.PartnerRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./varsel partner add|token|revoke|list}: the partner registry and its API tokens, in the desk's database. */
@Command(
    name = "partner",
    mixinStandardHelpOptions = true,
    description = {
        "Manages the partner organisations that send signals, and their API tokens, in the desk's database.",
        "A new token is printed once; the database keeps only its SHA-256. Tokens are named by their id",
        "(the first 12 hex digits of that hash), as `partner list` shows."},
    subcommands = {PartnerCommand.Add.class, PartnerCommand.Token.class, PartnerCommand.Revoke.class,
        PartnerCommand.ListPartners.class})
public final class PartnerCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Registers a partner and prints its first API token (once).")
  static final class Add implements Callable<Integer> {
    @Mixin DeskDatabaseOptions database;

    @Parameters(index = "0", description = "Partner id: lower case letters, digits and '-'; its signals' source is partner:<id>.")
    String id;

    @Option(names = "--name", required = true, description = "The organisation's name.")
    String name;

    @Option(names = "--contact", description = "Who to contact there (e-mail).")
    Optional<String> contact;

    @Option(names = "--allowed-tlp", defaultValue = "GREEN",
        description = "Highest TLP the partner may receive: CLEAR, GREEN, AMBER, AMBER+STRICT, RED. Default: ${DEFAULT-VALUE}.")
    String allowedTlp;

    @Override
    public Integer call() throws Exception {
      Tlp tlp = Tlp.fromLabel(allowedTlp)
          .orElseThrow(() -> new IllegalArgumentException("--allowed-tlp: unknown TLP " + allowedTlp));
      try (Database db = database.open(System.getenv())) {
        printToken(System.out, new PartnerRegistry(db).add(id, name, contact, tlp), "partner " + id + " added");
      }
      return 0;
    }
  }

  @Command(name = "token", mixinStandardHelpOptions = true,
      description = "Issues another API token for a partner (to rotate: issue, switch, revoke the old one).")
  static final class Token implements Callable<Integer> {
    @Mixin DeskDatabaseOptions database;

    @Parameters(index = "0", description = "Partner id.")
    String id;

    @Option(names = "--label", defaultValue = "", description = "What the token is for (e.g. the sending system).")
    String label;

    @Override
    public Integer call() throws Exception {
      try (Database db = database.open(System.getenv())) {
        printToken(System.out, new PartnerRegistry(db).issueToken(id, label), "new token for partner " + id);
      }
      return 0;
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true,
      description = "Revokes a partner's token by its id (see `partner list`), or all its tokens with --all.")
  static final class Revoke implements Callable<Integer> {
    @Mixin DeskDatabaseOptions database;

    @Parameters(index = "0", description = "Partner id.")
    String id;

    @Option(names = "--token-id", description = "The token's id, as `partner list` shows it.")
    Optional<String> tokenId;

    @Option(names = "--all", description = "Revoke every live token of the partner.")
    boolean all;

    @Override
    public Integer call() throws Exception {
      if (tokenId.isPresent() == all) {
        System.err.println("give exactly one of --token-id and --all");
        return 2;
      }
      try (Database db = database.open(System.getenv())) {
        int revoked = new PartnerRegistry(db).revoke(id, tokenId.orElse(""));
        System.out.println(revoked + " token(s) of partner " + id + " revoked");
        return revoked > 0 ? 0 : 1;
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists partners and their tokens (ids only).")
  static final class ListPartners implements Callable<Integer> {
    @Mixin DeskDatabaseOptions database;

    @Override
    public Integer call() throws Exception {
      PrintStream out = System.out;
      try (Database db = database.open(System.getenv())) {
        for (PartnerRegistry.Partner partner : new PartnerRegistry(db).list()) {
          out.printf("%s  %s  allowed-tlp=%s  %s%s%n", partner.id(), partner.name(), partner.allowedTlp().label(),
              partner.active() ? "active" : "inactive", partner.contact().map(c -> "  contact=" + c).orElse(""));
          for (PartnerRegistry.Token token : partner.tokens()) {
            out.printf("    token %s  %-20s created %s%s%n", token.id(), token.label().isEmpty() ? "-" : token.label(),
                token.createdAt(), token.revokedAt().map(r -> "  REVOKED " + r).orElse(""));
          }
        }
      }
      return 0;
    }
  }

  private static void printToken(PrintStream out, IssuedToken issued, String what) {
    out.println(what + ". Its API token (shown only now; store it safely):");
    out.println(issued.token());
  }
}
