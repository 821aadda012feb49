package org.corridor.cli;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.corridor.access.Access;
import org.corridor.access.IssuedToken;
import org.corridor.access.NewAccount;
import org.corridor.access.TokenInfo;

/**
 * One demo account per role, each run given a fresh token and password (those of the run before are revoked), and
 * printed with how to use them. Demo credentials only: the demo keeps its own store.
 */
final class DemoAccounts {
    /** One demo account: its id, role, the one operation it is bound to and a liaison's party (or null). */
    private record Demo(String id, String role, String operation, String party) {}

    private static final List<Demo> ACCOUNTS = List.of(
            new Demo("demo-admin", "admin", null, null),
            new Demo("demo-coordinator", "coordinator", "aleppo-2016-12", null),
            new Demo("demo-monitor", "monitor", "aleppo-2016-12", null),
            new Demo("demo-liaison", "liaison", null, "opposition"),
            new Demo("demo-viewer", "viewer", "aleppo-2016-12", null));

    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoAccounts() {}

    /** Makes (or renews) the demo accounts and prints their credentials and how to use them. */
    static void renewAndPrint(Access access, PrintWriter out, int port) {
        out.println();
        out.println("Demo accounts (new credentials on every start; the previous ones no longer work):");
        String viewerToken = null;
        String coordinatorPassword = null;
        for (Demo account : ACCOUNTS) {
            IssuedToken issued = renew(access, request(account));
            String password = newPassword();
            access.setPassword(account.id(), password, UserCommand.ACTOR, null);
            out.printf("  %-17s %-12s token %s  password %s%n", account.id(), account.role(), issued.token(), password);
            viewerToken = account.role().equals("viewer") ? issued.token() : viewerToken;
            coordinatorPassword = account.role().equals("coordinator") ? password : coordinatorPassword;
        }
        out.println("Open http://localhost:" + port + "/ and sign in as demo-coordinator with password "
                + coordinatorPassword + " (the coordination dashboard, English or Arabic).");
        out.println("Use a token:  curl -H 'Authorization: Bearer " + viewerToken + "' http://localhost:" + port
                + "/api/operations/aleppo-2016-12/tallies");
        out.println("Sign in:      curl -c cookies.txt -H 'Content-Type: application/json' -d"
                + " '{\"id\": \"demo-coordinator\", \"password\": \"PASSWORD\"}' http://localhost:" + port
                + "/api/login");
        out.println();
    }

    private static NewAccount request(Demo account) {
        ObjectNode request = JsonMapper.builder().build().createObjectNode();
        request.put("id", account.id()).put("role", account.role());
        if (account.operation() != null) {
            request.putArray("operations").add(account.operation());
        }
        if (account.party() != null) {
            request.put("party", account.party());
        }
        return NewAccount.read(request);
    }

    /** A new token for the account, made first when missing; its earlier tokens are revoked. */
    private static IssuedToken renew(Access access, NewAccount request) {
        boolean exists = access.accounts().stream().anyMatch(a -> a.id().equals(request.id()) && a.active());
        if (!exists) {
            return access.createAccount(request, UserCommand.ACTOR, null);
        }
        for (TokenInfo token : access.tokens(request.id())) {
            if (token.active()) {
                access.revokeToken(request.id(), token.id(), UserCommand.ACTOR, null);
            }
        }
        return access.issueToken(request.id(), UserCommand.ACTOR, null);
    }

    /** 120 random bits as 20 base64url characters: never among common passwords. */
    private static String newPassword() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
