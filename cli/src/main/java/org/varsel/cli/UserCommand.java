package org.varsel.cli;

import java.io.Console;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.varsel.desk.auth.Credentials;
import org.varsel.desk.auth.IssuedToken;
import org.varsel.desk.auth.Role;
import org.varsel.desk.auth.UserAdmin;
import org.varsel.desk.db.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./varsel user}: the desk's people: add them, set passwords, issue tokens, set e-mail addresses, list them. */
@Command(
        name = "user",
        description =
                "Manage the desk's users (analysts, leads, admins, partner users) in its database. Every change is "
                        + "recorded in the desk's audit log as cli:<operating-system user>.",
        subcommands = {
            UserCommand.Add.class,
            UserCommand.Password.class,
            UserCommand.Token.class,
            UserCommand.Email.class,
            UserCommand.List.class,
            CommandLine.HelpCommand.class,
        })
public final class UserCommand extends CommandGroup {

    /** A user's new password: from an environment variable, or asked twice on the terminal. */
    static final class NewPassword {
        @Option(
                names = "--password-env",
                description = "Read the user's new password from this environment variable "
                        + "instead of asking on the terminal.")
        Optional<String> variable;

        @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
        CommandLine.Model.CommandSpec command;

        char[] read(String username, Map<String, String> environment) {
            if (variable.isPresent()) {
                String value = environment.get(variable.get());
                if (value == null || value.length() < 12) {
                    throw new CommandLine.ParameterException(
                            command.commandLine(), variable.get() + " must hold a password of at least 12 characters");
                }
                return value.toCharArray();
            }
            Console console = System.console();
            if (console == null) {
                throw new CommandLine.ParameterException(
                        command.commandLine(), "no terminal to ask for the password: use --password-env");
            }
            char[] first = console.readPassword("New password for %s (12 characters or more): ", username);
            char[] second = console.readPassword("Again: ");
            if (first == null || first.length < 12 || !Arrays.equals(first, second)) {
                throw new CommandLine.ParameterException(command.commandLine(), "passwords differ or are too short");
            }
            return first;
        }
    }

    /** The user a subcommand works on, named by the first parameter. */
    static final class ExistingUser {
        @Parameters(index = "0", description = "Username")
        String name;
    }

    @Command(name = "add", description = "Add a user with a password and print their first API token (shown once).")
    static final class Add extends DeskAccountCommand {
        @Mixin
        NewPassword newPassword;

        @Parameters(index = "0", description = "Username: lower-case letters, digits, . _ -")
        String username;

        @Option(names = "--role", required = true, description = "analyst, lead, admin or partner")
        String role;

        @Option(names = "--partner", description = "The partner id (required for, and only for, role partner)")
        Optional<String> partner;

        @Override
        int call(Database database) throws Exception {
            Role parsed = Role.fromLabel(role.toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> new CommandLine.ParameterException(
                            newPassword.command.commandLine(), "--role must be analyst, lead, admin or partner"));
            char[] password = newPassword.read(username, desk.environment);
            IssuedToken token = new Credentials(database).createUser(username, password, parsed, partner, "cli");
            desk.audit(database, "user-add", DeskAdmin.details("user", username));
            desk.out.println("added " + username + " (" + parsed.label() + ")");
            desk.out.println("API token (shown once): " + token.token());
            return 0;
        }
    }

    @Command(name = "password", description = "Set a user's password; ends their browser sessions.")
    static final class Password extends DeskAccountCommand {
        @Mixin
        NewPassword newPassword;

        @Mixin
        ExistingUser user;

        @Override
        int call(Database database) throws Exception {
            char[] password = newPassword.read(user.name, desk.environment);
            if (!new UserAdmin(database).setPassword(user.name, password)) {
                desk.out.println("no such user: " + user.name);
                return 1;
            }
            desk.audit(database, "user-password", DeskAdmin.details("user", user.name));
            desk.out.println("password set for " + user.name + "; their sessions ended");
            return 0;
        }
    }

    @Command(name = "token", description = "Issue another API token for a user (shown once).")
    static final class Token extends DeskAccountCommand {
        @Mixin
        ExistingUser user;

        @Option(
                names = "--label",
                defaultValue = "cli",
                description = "What the token is for. Default: ${DEFAULT-VALUE}.")
        String label;

        @Override
        int call(Database database) throws Exception {
            Optional<IssuedToken> token = new UserAdmin(database).issueToken(user.name, label);
            if (token.isEmpty()) {
                desk.out.println("no such user: " + user.name);
                return 1;
            }
            desk.audit(database, "user-token", DeskAdmin.details("user", user.name));
            desk.out.println("API token for " + user.name + " (shown once): "
                    + token.get().token());
            return 0;
        }
    }

    @Command(
            name = "email",
            description =
                    "Set where a staff user's notifications (threat-to-life incidents, assignments) are e-mailed, or "
                            + "--clear it (inbox only). Mail goes out only when the desk has desk.mail.host (docs/configuration.md).")
    static final class Email extends DeskAccountCommand {
        @Mixin
        ExistingUser user;

        @Parameters(index = "1", arity = "0..1", description = "E-mail address (leave out with --clear)")
        Optional<String> address;

        @Option(names = "--clear", description = "Remove the address: notifications stay in the desk's inbox.")
        boolean clear;

        @Override
        int call(Database database) throws Exception {
            if (clear == address.isPresent()) {
                desk.out.println("give an e-mail address or --clear, not both or neither");
                return 2;
            }
            try {
                if (!new UserAdmin(database).setEmail(user.name, address.map(String::strip))) {
                    desk.out.println("no such staff user: " + user.name + " (partners get no notifications)");
                    return 1;
                }
            } catch (IllegalArgumentException refused) {
                desk.out.println(refused.getMessage());
                return 2;
            }
            desk.audit(database, "user-email", DeskAdmin.details("user", user.name));
            desk.out.println(address.map(a -> "notifications for " + user.name + " are e-mailed to " + a)
                    .orElse("notifications for " + user.name + " stay in the desk's inbox"));
            return 0;
        }
    }

    @Command(name = "list", description = "List the users, their roles and live tokens.")
    static final class List extends DeskAccountCommand {
        @Override
        int call(Database database) throws Exception {
            desk.out.printf("%-24s %-8s %-16s %-6s %s%n", "username", "role", "partner", "tokens", "created");
            for (UserAdmin.Account account : new UserAdmin(database).list()) {
                desk.out.printf(
                        "%-24s %-8s %-16s %-6d %s%n",
                        account.username(),
                        account.role().label(),
                        account.partnerId().orElse("-"),
                        account.liveTokens(),
                        account.createdAt());
            }
            return 0;
        }
    }
}
