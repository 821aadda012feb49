package org.corridor.cli;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;
import org.corridor.access.Access;
import org.corridor.access.AccessSettings;
import org.corridor.access.Account;
import org.corridor.access.IssuedToken;
import org.corridor.access.NewAccount;
import org.corridor.access.TokenInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code corridor user add | list | revoke}: accounts managed on the store itself, as the account "cli". */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "Manage accounts in the store: add (prints a token, shown once), list, revoke.",
        synopsisSubcommandLabel = "(add | list | revoke)",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.REFUSED_LINE, ExitCodes.USAGE_LINE, ExitCodes.FAILURE_LINE})
final class UserCommand implements Runnable {
    /** How the command line appears in the audit trail. */
    static final String ACTOR = "cli";

    @Spec
    CommandSpec spec;

    private UserCommand() {}

    /** The {@code user} command with its three subcommands. */
    static CommandLine commandLine(Environment environment) {
        return new CommandLine(new UserCommand())
                .addSubcommand(new Add(environment))
                .addSubcommand(new ListAccounts(environment))
                .addSubcommand(new Revoke(environment));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Access over the opened store; the command line needs no bootstrap token, since it holds the store itself. */
    static Access access(StoreOptions.Opened opened, InstantSource clock) {
        return Access.start(opened.access(), AccessSettings.defaults(null), clock);
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Add an account and print its first token (shown this once; only its hash is kept).",
            footerHeading = "%nExamples:%n",
            footer = {
                "  corridor user add m-un-01 --role monitor --operations aleppo-2016-12",
                "  corridor user add liaison-opp --role liaison --party opposition",
                "  corridor user add cell-1 --role coordinator --password-stdin < password.txt"
            })
    static final class Add implements Callable<Integer> {
        private final Environment environment;

        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Parameters(index = "0", paramLabel = "ID", description = "The account's id (a slug).")
        String id;

        @Option(
                names = "--role",
                required = true,
                paramLabel = "ROLE",
                description = "admin, coordinator, monitor, liaison or viewer.")
        String role;

        @Option(
                names = "--operations",
                split = ",",
                paramLabel = "OP",
                description = "The operations it is bound to (required for a monitor).")
        List<String> operations;

        @Option(names = "--party", paramLabel = "PARTY", description = "A liaison's party.")
        String party;

        @Option(
                names = "--password-stdin",
                description = "Read a password for browser sign-in from the first line of standard input.")
        boolean passwordFromStdin;

        Add(Environment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() throws IOException {
            NewAccount request = NewAccount.read(request());
            try (StoreOptions.Opened opened = store.open(environment, "corridor.db")) {
                IssuedToken issued = access(opened, environment.clock()).createAccount(request, ACTOR, null);
                PrintWriter out = spec.commandLine().getOut();
                out.println(
                        "account " + issued.accountId() + " (" + issued.role().wireName() + ") added");
                out.println("token (shown once, keep it secret): " + issued.token());
            }
            return ExitCodes.OK;
        }

        private ObjectNode request() throws IOException {
            ObjectNode request = JsonMapper.builder().build().createObjectNode();
            request.put("id", id).put("role", role);
            if (operations != null) {
                operations.forEach(request.putArray("operations")::add);
            }
            if (party != null) {
                request.put("party", party);
            }
            if (passwordFromStdin) {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                String password = in.readLine();
                request.put("password", password == null ? "" : password);
            }
            return request;
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List the accounts: id, role, bindings, when added or revoked, active tokens.")
    static final class ListAccounts implements Callable<Integer> {
        private final Environment environment;

        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        ListAccounts(Environment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            try (StoreOptions.Opened opened = store.open(environment, "corridor.db")) {
                Access access = access(opened, environment.clock());
                PrintWriter out = spec.commandLine().getOut();
                for (Account account : access.accounts()) {
                    out.println(line(account, access.tokens(account.id())));
                }
            }
            return ExitCodes.OK;
        }

        private static String line(Account account, List<TokenInfo> tokens) {
            long active = tokens.stream().filter(TokenInfo::active).count();
            return account.id() + "\t" + account.role().wireName()
                    + "\toperations="
                    + (account.operations() == null
                            ? "*"
                            : String.join(
                                    ",", account.operations().stream().sorted().toList()))
                    + (account.party() == null ? "" : "\tparty=" + account.party())
                    + "\tadded " + account.createdAt()
                    + (account.active() ? "" : "\trevoked " + account.revokedAt())
                    + "\ttokens=" + active;
        }
    }

    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            description = "Revoke an account: its tokens and sessions stop working at once.")
    static final class Revoke implements Callable<Integer> {
        private final Environment environment;

        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Parameters(index = "0", paramLabel = "ID", description = "The account's id.")
        String id;

        Revoke(Environment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            try (StoreOptions.Opened opened = store.open(environment, "corridor.db")) {
                access(opened, environment.clock()).revokeAccount(id, ACTOR, null);
                spec.commandLine().getOut().println("account " + id + " revoked");
            }
            return ExitCodes.OK;
        }
    }
}
