package org.varsel.cli;

import java.io.Console;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.varsel.contract.Json;
import org.varsel.desk.auth.Credentials;
import org.varsel.desk.auth.IssuedToken;
import org.varsel.desk.auth.Role;
import org.varsel.desk.auth.UserAdmin;
import org.varsel.desk.db.Database;
import org.varsel.desk.audit.AuditLog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./varsel user}: the desk's people: add them, set passwords, issue tokens, list them. */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "Manage the desk's users (analysts, leads, admins, partner users) in its database. Every change is "
        + "recorded in the desk's audit log as cli:<operating-system user>.",
    subcommands = {
        UserCommand.Add.class,
        UserCommand.Password.class,
        UserCommand.Token.class,
        UserCommand.List.class,
        CommandLine.HelpCommand.class,
    })
public final class UserCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Where the desk's database is: the desk's configuration file and environment. */
  static final class DeskDatabase {
    @Mixin DeskDatabaseOptions where;

    @Option(names = "--password-env", description = "Read the user's new password from this environment variable "
        + "instead of asking on the terminal.")
    Optional<String> passwordVariable;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE) CommandLine.Model.CommandSpec command;

    Map<String, String> environment = System.getenv();
    PrintStream out = System.out;

    Database open() {
      return where.open(environment);
    }

    char[] password(String username) {
      if (passwordVariable.isPresent()) {
        String value = environment.get(passwordVariable.get());
        if (value == null || value.length() < 12) {
          throw new CommandLine.ParameterException(command.commandLine(),
              passwordVariable.get() + " must hold a password of at least 12 characters");
        }
        return value.toCharArray();
      }
      Console console = System.console();
      if (console == null) {
        throw new CommandLine.ParameterException(command.commandLine(),
            "no terminal to ask for the password: use --password-env");
      }
      char[] first = console.readPassword("New password for %s (12 characters or more): ", username);
      char[] second = console.readPassword("Again: ");
      if (first == null || first.length < 12 || !Arrays.equals(first, second)) {
        throw new CommandLine.ParameterException(command.commandLine(), "passwords differ or are too short");
      }
      return first;
    }

    void audit(Database database, String action, String username) throws Exception {
      new AuditLog(database).record("cli:" + System.getProperty("user.name", "unknown"), action, Optional.empty(),
          Optional.empty(), Optional.of(Json.mapper().createObjectNode().put("user", username)));
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Add a user with a password and print their first API token (shown once).")
  static final class Add implements Callable<Integer> {
    @Mixin DeskDatabase desk;

    @Parameters(index = "0", description = "Username: lower-case letters, digits, . _ -")
    String username;

    @Option(names = "--role", required = true, description = "analyst, lead, admin or partner")
    String role;

    @Option(names = "--partner", description = "The partner id (required for, and only for, role partner)")
    Optional<String> partner;

    @Override
    public Integer call() throws Exception {
      Role parsed = Role.fromLabel(role.toLowerCase(Locale.ROOT)).orElseThrow(() -> new CommandLine.ParameterException(
          desk.command.commandLine(), "--role must be analyst, lead, admin or partner"));
      char[] password = desk.password(username);
      try (Database database = desk.open()) {
        IssuedToken token = new Credentials(database).createUser(username, password, parsed, partner, "cli");
        desk.audit(database, "user-add", username);
        desk.out.println("added " + username + " (" + parsed.label() + ")");
        desk.out.println("API token (shown once): " + token.token());
      }
      return 0;
    }
  }

  @Command(name = "password", mixinStandardHelpOptions = true,
      description = "Set a user's password; ends their browser sessions.")
  static final class Password implements Callable<Integer> {
    @Mixin DeskDatabase desk;

    @Parameters(index = "0", description = "Username")
    String username;

    @Override
    public Integer call() throws Exception {
      char[] password = desk.password(username);
      try (Database database = desk.open()) {
        if (!new UserAdmin(database).setPassword(username, password)) {
          desk.out.println("no such user: " + username);
          return 1;
        }
        desk.audit(database, "user-password", username);
        desk.out.println("password set for " + username + "; their sessions ended");
      }
      return 0;
    }
  }

  @Command(name = "token", mixinStandardHelpOptions = true,
      description = "Issue another API token for a user (shown once).")
  static final class Token implements Callable<Integer> {
    @Mixin DeskDatabase desk;

    @Parameters(index = "0", description = "Username")
    String username;

    @Option(names = "--label", defaultValue = "cli", description = "What the token is for. Default: ${DEFAULT-VALUE}.")
    String label;

    @Override
    public Integer call() throws Exception {
      try (Database database = desk.open()) {
        Optional<IssuedToken> token = new UserAdmin(database).issueToken(username, label);
        if (token.isEmpty()) {
          desk.out.println("no such user: " + username);
          return 1;
        }
        desk.audit(database, "user-token", username);
        desk.out.println("API token for " + username + " (shown once): " + token.get().token());
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users, their roles and live tokens.")
  static final class List implements Callable<Integer> {
    @Mixin DeskDatabase desk;

    @Override
    public Integer call() throws Exception {
      try (Database database = desk.open()) {
        desk.out.printf("%-24s %-8s %-16s %-6s %s%n", "username", "role", "partner", "tokens", "created");
        for (UserAdmin.Account account : new UserAdmin(database).list()) {
          desk.out.printf("%-24s %-8s %-16s %-6d %s%n", account.username(), account.role().label(),
              account.partnerId().orElse("-"), account.liveTokens(), account.createdAt());
        }
      }
      return 0;
    }
  }
}
