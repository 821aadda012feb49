package org.corridor.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
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
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPERATION = "aleppo-2016-12";
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2016-12-20T00:00:00Z"));
    private static final Instant END = Instant.parse("2016-12-19T22:00:00Z");

    @TempDir
    Path directory;

    @Test
    void followingTheStore_readsOnlyTheOtherServersAppends_andEndsWithTheFullReplaysNumbers() throws IOException {
        List<JsonNode> observations = demoObservations();
        String url = "jdbc:sqlite:" + directory.resolve("corridor.db");
        AtomicLong readByA = new AtomicLong();
        try (Ledger storeA = Ledgers.open(url);
                Ledger storeB = Ledgers.open(url)) {
            CorridorService a = CorridorService.start(counting(storeA, readByA), CLOCK);
            a.defineOperation(resource("/demo/aleppo-2016-12.yaml"), "application/yaml");
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
            Tallies full = CorridorService.start(storeA, CLOCK).tallies(OPERATION, END);
            assertThat(a.tallies(OPERATION, END)).isEqualTo(full);
            assertThat(b.tallies(OPERATION, END)).isEqualTo(full);
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

    private static List<JsonNode> demoObservations() throws IOException {
        List<JsonNode> observations = new ArrayList<>();
        for (String line :
                new String(resource("/demo/aleppo-2016-12.observations.jsonl"), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                observations.add(JSON.readTree(line));
            }
        }
        return observations;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = FollowStoreTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
