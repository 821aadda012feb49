package org.corridor;

import java.net.http.HttpRequest;
import java.time.InstantSource;
import org.corridor.access.Access;
import org.corridor.access.AccessSettings;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.jdbc.Ledgers;

/** Access for tests that start a server: the store beside their ledger, and a known bootstrap admin token. */
public final class TestAccess {
    /** The {@code CORRIDOR_BOOTSTRAP_TOKEN} of test servers: an admin from the start. */
    public static final String ADMIN_TOKEN = "test-bootstrap-admin-token-0123456789abcdef";

    private TestAccess() {}

    /** Access over the tables beside {@code ledger}, with {@link #ADMIN_TOKEN} as its bootstrap token. */
    public static Access of(Ledger ledger) {
        return Access.start(Ledgers.accessStore(ledger), AccessSettings.defaults(ADMIN_TOKEN), InstantSource.system());
    }

    /** The request with the bootstrap admin token. */
    public static HttpRequest.Builder asAdmin(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + ADMIN_TOKEN);
    }
}
