package org.varsel.cli;

import java.io.PrintStream;
import java.util.Optional;
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
        description = {
            "Manages the partner organisations that send signals, and their API tokens, in the desk's database.",
            "A new token is printed once; the database keeps only its SHA-256. Tokens are named by their id",
            "(the first 12 hex digits of that hash), as `partner list` shows. Every change is recorded in the desk's",
            "audit log as cli:<operating-system user>."
        },
        subcommands = {
            PartnerCommand.Add.class,
            PartnerCommand.Token.class,
            PartnerCommand.Revoke.class,
            PartnerCommand.ListPartners.class
        })
public final class PartnerCommand extends CommandGroup {

    /** The partner a subcommand works on, named by the first parameter. */
    static final class ExistingPartner {
        @Parameters(index = "0", description = "Partner id.")
        String id;
    }

    @Command(name = "add", description = "Registers a partner and prints its first API token (once).")
    static final class Add extends DeskAccountCommand {
        @Parameters(
                index = "0",
                description = "Partner id: lower case letters, digits and '-'; its signals' source is partner:<id>.")
        String id;

        @Option(names = "--name", required = true, description = "The organisation's name.")
        String name;

        @Option(names = "--contact", description = "Who to contact there (e-mail).")
        Optional<String> contact;

        @Option(
                names = "--allowed-tlp",
                defaultValue = "GREEN",
                description =
                        "Highest TLP the partner may receive: CLEAR, GREEN, AMBER, AMBER+STRICT, RED. Default: ${DEFAULT-VALUE}.")
        String allowedTlp;

        @Override
        int call(Database db) throws Exception {
            Tlp tlp = Tlp.fromLabel(allowedTlp)
                    .orElseThrow(() -> new IllegalArgumentException("--allowed-tlp: unknown TLP " + allowedTlp));
            IssuedToken issued = new PartnerRegistry(db).add(id, name, contact, tlp);
            desk.audit(db, "partner-add", DeskAdmin.details("partner", id).put("allowed_tlp", tlp.label()));
            printToken(desk.out, issued, "partner " + id + " added");
            return 0;
        }
    }

    @Command(
            name = "token",
            description = "Issues another API token for a partner (to rotate: issue, switch, revoke the old one).")
    static final class Token extends DeskAccountCommand {
        @Mixin
        ExistingPartner partner;

        @Option(names = "--label", defaultValue = "", description = "What the token is for (e.g. the sending system).")
        String label;

        @Override
        int call(Database db) throws Exception {
            IssuedToken issued = new PartnerRegistry(db).issueToken(partner.id, label);
            desk.audit(
                    db,
                    "partner-token",
                    DeskAdmin.details("partner", partner.id).put("label", label));
            printToken(desk.out, issued, "new token for partner " + partner.id);
            return 0;
        }
    }

    @Command(
            name = "revoke",
            description = "Revokes a partner's token by its id (see `partner list`), or all its tokens with --all.")
    static final class Revoke extends DeskAccountCommand {
        @Mixin
        ExistingPartner partner;

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
            return super.call();
        }

        @Override
        int call(Database db) throws Exception {
            int revoked = new PartnerRegistry(db).revoke(partner.id, tokenId.orElse(""));
            if (revoked > 0) {
                desk.audit(
                        db,
                        "partner-revoke",
                        DeskAdmin.details("partner", partner.id)
                                .put("token_id", tokenId.orElse("all"))
                                .put("revoked", revoked));
            }
            desk.out.println(revoked + " token(s) of partner " + partner.id + " revoked");
            return revoked > 0 ? 0 : 1;
        }
    }

    @Command(name = "list", description = "Lists partners and their tokens (ids only).")
    static final class ListPartners extends DeskAccountCommand {
        @Override
        int call(Database db) throws Exception {
            PrintStream out = desk.out;
            for (PartnerRegistry.Partner partner : new PartnerRegistry(db).list()) {
                out.printf(
                        "%s  %s  allowed-tlp=%s  %s%s%n",
                        partner.id(),
                        partner.name(),
                        partner.allowedTlp().label(),
                        partner.active() ? "active" : "inactive",
                        partner.contact().map(c -> "  contact=" + c).orElse(""));
                for (PartnerRegistry.Token token : partner.tokens()) {
                    out.printf(
                            "    token %s  %-20s created %s%s%n",
                            token.id(),
                            token.label().isEmpty() ? "-" : token.label(),
                            token.createdAt(),
                            token.revokedAt().map(r -> "  REVOKED " + r).orElse(""));
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
