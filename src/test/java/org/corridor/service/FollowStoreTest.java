package org.corridor.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.StoredEntry;
import org.corridor.ledger.jdbc.Ledgers;
import org.corridor.tally.Tallies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on one store, appending in turn: each one, following the store, counts what the other appended and
 * reads none of its own appends back, even when the other's come between them.
 */
class FollowStoreTest {
    private static final String OPERATION = DemoOperation.ID;
    private static final InstantSource CLOCK = DemoOperation.CLOCK;

    @TempDir
    Path directory;

    @Test
    void followingTheStore_readsOnlyTheOtherServersAppends_andEndsWithTheFullReplaysNumbers() {
        List<JsonNode> observations = DemoOperation.observations();
        String url = "jdbc:sqlite:" + directory.resolve("corridor.db");
        AtomicLong readByA = new AtomicLong();
        try (Ledger storeA = Ledgers.open(url);
                Ledger storeB = Ledgers.open(url)) {
            CorridorService a = CorridorService.start(counting(storeA, readByA), CLOCK);
            a.defineOperation(DemoOperation.definition(), "application/yaml");
            CorridorService b = CorridorService.start(storeB, CLOCK);
            int aRecorded = 0;
            int bRecorded = 0;
            for (int from = 0; from < observations.size(); from += 10) {
                boolean aTurn = (from / 10) % 2 == 0;
                for (JsonNode observation : observations.subList(from, Math.min(observations.size(), from + 10))) {
                    assertThat((aTurn ? a : b).record(OPERATION, observation).status())
                            .isEqualTo(ItemResult.Status.CREATED);
                    if (aTurn) {
                        aRecorded++;
                    } else {
                        bRecorded++;
                    }
                }
            }
            assertThat(aRecorded).isPositive();
            assertThat(bRecorded).isPositive();

            a.followStore();
            b.followStore();

            assertThat(readByA.get()).as("entries A read from the store").isEqualTo(bRecorded);
            Tallies full = CorridorService.start(storeA, CLOCK).tallies(OPERATION, DemoOperation.END);
            assertThat(a.tallies(OPERATION, DemoOperation.END)).isEqualTo(full);
            assertThat(b.tallies(OPERATION, DemoOperation.END)).isEqualTo(full);
            assertThat(a.size(OPERATION)).isEqualTo(observations.size());
        }
    }

    /** {@code ledger}, counting the entries its {@code read} gives. */
    private static Ledger counting(Ledger ledger, AtomicLong read) {
        return (Ledger) Proxy.newProxyInstance(
                Ledger.class.getClassLoader(), new Class<?>[] {Ledger.class}, (proxy, method, arguments) -> {
                    Object result;
                    try {
                        result = method.invoke(ledger, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("read")) {
                        read.addAndGet(((List<?>) result)
                                .stream().filter(StoredEntry.class::isInstance).count());
                    }
                    return result;
                });
    }
}
