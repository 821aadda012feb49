package org.corridor.ledger.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.corridor.access.AccessStore;
import org.corridor.access.Account;
import org.corridor.access.AuditEvent;
import org.corridor.access.Role;
import org.corridor.access.SessionInfo;
import org.corridor.access.TokenInfo;
import org.corridor.core.ConflictException;
import org.corridor.core.FieldProblem;
import org.corridor.core.NotFoundException;
import org.corridor.integrity.BatchedNodes;
import org.corridor.integrity.MemoryTree;
import org.corridor.integrity.MerkleLog;
import org.corridor.ledger.AppendResult;
import org.corridor.ledger.AppendResult.Outcome;
import org.corridor.ledger.DefinitionChange;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.NewEntry;
import org.corridor.ledger.References;
import org.corridor.ledger.SealedPersons;
import org.corridor.ledger.StoredCheckpoint;
import org.corridor.ledger.StoredEntry;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every ledger must do, whatever database holds it; a subclass per database runs it. */
abstract class LedgerContract {
    static final String OP = "aleppo-2016-12";
    static final String OTHER_OP = "madaya-2017-04";
    static final String DEFINITION = "{\"id\":\"aleppo-2016-12\",\"version\":1}";
    static final Instant STORED_AT = Instant.parse("2016-12-19T06:10:00Z");
    static final References DEFINED = new References(
            Set.of("east-aleppo", "rashidin", "ramouseh"),
            Set.of("east-aleppo-out"),
            Set.of("m-un-01", "m-icrc-02"),
            Set.of("opposition", "russia"));

    Ledger ledger;

    /** Opens the database under test; called again within a test to reopen the same database. */
    abstract Ledger open(InstantSource clock);

    @BeforeEach
    void openLedger() {
        ledger = open(InstantSource.fixed(STORED_AT));
    }

    @AfterEach
    void closeLedger() {
        if (ledger != null) { // null when opening it was skipped or failed
            ledger.close();
        }
    }

    static UUID id(int n) {
        return UUID.fromString("00000000-0000-4000-8000-%012d".formatted(n));
    }

    static NewEntry entry(int n) {
        return entry(n, n);
    }

    static NewEntry entry(int n, long people) {
        return entry(
                id(n),
                people,
                new References(Set.of("east-aleppo"), Set.of("east-aleppo-out"), Set.of("m-un-01"), Set.of()));
    }

    static NewEntry entry(UUID id, long people, References references) {
        String body = "{\"id\":\"" + id + "\",\"people\":" + people + ",\"type\":\"convoy.departed\"}";
        return new NewEntry(id, "convoy.departed", "2016-12-19T06:10:00Z", body, references);
    }

    static List<NewEntry> entries(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(LedgerContract::entry).toList();
    }

    void defineOperation() {
        ledger.putOperation(OP, DEFINITION, DEFINED);
    }

    <T> T sql(org.jdbi.v3.core.HandleCallback<T, RuntimeException> work) {
        return ((JdbcLedger) ledger).withHandle(work);
    }

    @Test
    void putOperation_new_isCreated() {
        assertThat(ledger.putOperation(OP, DEFINITION, DEFINED)).isEqualTo(DefinitionChange.CREATED);
        assertThat(ledger.operation(OP)).contains(DEFINITION);
    }

    @Test
    void putOperation_sameDefinition_isUnchanged() {
        defineOperation();

        assertThat(ledger.putOperation(OP, DEFINITION, DEFINED)).isEqualTo(DefinitionChange.UNCHANGED);
    }

    @Test
    void putOperation_changedDefinition_isReplacedKeepingObservations() {
        defineOperation();
        ledger.append(OP, entries(1, 3));
        String changed = "{\"id\":\"aleppo-2016-12\",\"version\":2}";

        assertThat(ledger.putOperation(OP, changed, DEFINED)).isEqualTo(DefinitionChange.REPLACED);
        assertThat(ledger.operation(OP)).contains(changed);
        assertThat(ledger.size(OP)).isEqualTo(3);
    }

    @Test
    void putOperation_droppingUsedIds_isRefusedNamingThemAndChangesNothing() {
        defineOperation();
        ledger.append(OP, List.of(entry(1)));
        References withoutThem = new References(
                Set.of("rashidin"), Set.of(), Set.of("m-un-01", "m-icrc-02"), Set.of("opposition", "russia"));

        assertThatThrownBy(() -> ledger.putOperation(OP, "{\"id\":\"aleppo-2016-12\",\"version\":2}", withoutThem))
                .isInstanceOfSatisfying(ConflictException.class, conflict -> assertThat(conflict.problems())
                        .containsExactly(
                                new FieldProblem("sites", "site 'east-aleppo' is used by stored observations"),
                                new FieldProblem(
                                        "movements", "movement 'east-aleppo-out' is used by stored observations")))
                .hasMessageContaining("site 'east-aleppo'");
        assertThat(ledger.operation(OP)).contains(DEFINITION);
    }

    @Test
    void putOperation_droppingUnusedIds_isReplaced() {
        defineOperation();
        ledger.append(OP, List.of(entry(1)));
        References fewer =
                new References(Set.of("east-aleppo"), Set.of("east-aleppo-out"), Set.of("m-un-01"), Set.of());

        assertThat(ledger.putOperation(OP, "{\"id\":\"aleppo-2016-12\",\"version\":2}", fewer))
                .isEqualTo(DefinitionChange.REPLACED);
    }

    @Test
    void operation_unknown_isEmpty() {
        assertThat(ledger.operation("nowhere")).isEmpty();
    }

    @Test
    void operationIds_areInTheOrderFirstStored() {
        ledger.putOperation(OTHER_OP, "{}", DEFINED);
        defineOperation();
        ledger.putOperation(OTHER_OP, "{\"changed\":true}", DEFINED);

        assertThat(ledger.operationIds()).containsExactly(OTHER_OP, OP);
    }

    @Test
    void heads_giveEachOperationsLastSeqAndDefinitionVersion_inTheOrderFirstStored() {
        assertThat(ledger.heads()).isEmpty();
        ledger.putOperation(OTHER_OP, "{}", DEFINED);
        defineOperation();
        ledger.append(OP, entries(1, 3));

        assertThat(ledger.heads())
                .containsExactly(
                        new org.corridor.ledger.OperationHead(OTHER_OP, 0, 1),
                        new org.corridor.ledger.OperationHead(OP, 3, 1));
    }

    @Test
    void heads_definitionVersion_growsWithEachReplacementOnly() {
        defineOperation();
        ledger.putOperation(OP, DEFINITION, DEFINED);
        long unchanged = ledger.heads().getFirst().definitionVersion();
        ledger.putOperation(OP, "{\"id\":\"aleppo-2016-12\",\"version\":2}", DEFINED);
        long once = ledger.heads().getFirst().definitionVersion();
        ledger.putOperation(OP, DEFINITION, DEFINED);
        long twice = ledger.heads().getFirst().definitionVersion();
        ledger.append(OP, entries(1, 2));

        assertThat(unchanged).isEqualTo(1);
        assertThat(once).isEqualTo(2);
        assertThat(twice).isEqualTo(3);
        assertThat(ledger.heads().getFirst().definitionVersion()).isEqualTo(3);
    }

    @Test
    void append_newIds_areCreatedWithSeqsFromOne() {
        defineOperation();

        assertThat(ledger.append(OP, entries(1, 3)))
                .containsExactly(
                        new AppendResult(id(1), Outcome.CREATED, 1),
                        new AppendResult(id(2), Outcome.CREATED, 2),
                        new AppendResult(id(3), Outcome.CREATED, 3));
    }

    @Test
    void append_sameIdSameBody_isDuplicate() {
        defineOperation();
        ledger.append(OP, entries(1, 2));

        assertThat(ledger.append(OP, List.of(entry(1)))).containsExactly(new AppendResult(id(1), Outcome.DUPLICATE, 1));
        assertThat(ledger.size(OP)).isEqualTo(2);
    }

    @Test
    void append_sameIdOtherBody_isConflictAndKeepsTheStoredOne() {
        defineOperation();
        NewEntry stored = entry(1, 40);
        ledger.append(OP, List.of(stored));

        assertThat(ledger.append(OP, List.of(entry(1, 41))))
                .containsExactly(new AppendResult(id(1), Outcome.CONFLICT, 0));
        assertThat(ledger.read(OP, 0, 10)).extracting(StoredEntry::body).containsExactly(stored.body());
    }

    @Test
    void append_sameIdTwiceInOneBatch_secondIsDuplicateOfFirst() {
        defineOperation();

        assertThat(ledger.append(OP, List.of(entry(1), entry(2), entry(1))))
                .containsExactly(
                        new AppendResult(id(1), Outcome.CREATED, 1),
                        new AppendResult(id(2), Outcome.CREATED, 2),
                        new AppendResult(id(1), Outcome.DUPLICATE, 1));
        assertThat(ledger.size(OP)).isEqualTo(2);
    }

    @Test
    void append_sameIdTwiceInOneBatchWithOtherBody_secondIsConflict() {
        defineOperation();

        assertThat(ledger.append(OP, List.of(entry(1, 40), entry(1, 41))))
                .containsExactly(
                        new AppendResult(id(1), Outcome.CREATED, 1), new AppendResult(id(1), Outcome.CONFLICT, 0));
    }

    @Test
    void append_mixedWithDuplicatesAndConflicts_leavesNoGapInSeqs() {
        defineOperation();
        ledger.append(OP, entries(1, 3));
        ledger.append(OP, List.of(entry(2), entry(4), entry(3, 99), entry(5)));
        ledger.append(OP, List.of(entry(5), entry(6)));

        assertThat(ledger.read(OP, 0, 100)).extracting(StoredEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(ledger.read(OP, 0, 100))
                .extracting(StoredEntry::id)
                .containsExactly(id(1), id(2), id(3), id(4), id(5), id(6));
    }

    @Test
    void append_emptyBatch_storesNothing() {
        defineOperation();

        assertThat(ledger.append(OP, List.of())).isEmpty();
        assertThat(ledger.size(OP)).isZero();
    }

    @Test
    void append_toUnknownOperation_isNotFound() {
        assertThatThrownBy(() -> ledger.append("nowhere", entries(1, 1)))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("nowhere");
    }

    @Test
    void append_sameIdInAnotherOperation_isCreatedThere() {
        defineOperation();
        ledger.putOperation(OTHER_OP, "{}", DEFINED);
        ledger.append(OP, entries(1, 2));

        assertThat(ledger.append(OTHER_OP, List.of(entry(2, 7))))
                .containsExactly(new AppendResult(id(2), Outcome.CREATED, 1));
    }

    @Test
    void append_storesTheClocksTimeAsStoredAt() {
        defineOperation();
        ledger.append(OP, entries(1, 1));

        assertThat(ledger.read(OP, 0, 1)).extracting(StoredEntry::storedAt).containsExactly("2016-12-19T06:10:00Z");
    }

    @Test
    void append_fromConcurrentWriters_givesSeqsOneToThousandWithoutDuplicates() throws Exception {
        defineOperation();
        int perWriter = 250;
        List<Callable<List<AppendResult>>> tasks = new ArrayList<>();
        for (int writer = 0; writer < 4; writer++) {
            int first = writer * perWriter + 1;
            tasks.add(() -> {
                List<AppendResult> results = new ArrayList<>();
                for (int n = first; n < first + perWriter; n += 10) {
                    results.addAll(ledger.append(OP, entries(n, n + 9)));
                }
                return results;
            });
        }
        List<Long> seqs = new ArrayList<>();
        for (List<AppendResult> results : allAtOnce(tasks)) {
            results.forEach(result -> seqs.add(result.seq()));
        }

        Collections.sort(seqs);
        assertThat(seqs).isEqualTo(LongStream.rangeClosed(1, 1000).boxed().toList());
        assertThat(ledger.size(OP)).isEqualTo(1000);
        assertLogHoldsTheStoredBodies(ledger, OP);
    }

    /**
     * Four writers append the same 500 observations at once, in batches of 10 (each in its own order), as devices
     * retrying through different servers do. On PostgreSQL an append looks up the batch's ids before it locks the
     * operation, so another writer may store one of them in between; on SQLite the look-up is inside the write. Either
     * way each id must be stored once, every writer's result for it must name that one seq, and the sequence and the
     * log must have no gap.
     */
    @Test
    void append_ofTheSameIdsByConcurrentWriters_storesEachOnce_andEveryWriterGetsItsSeq() throws Exception {
        defineOperation();
        int count = 500;
        List<Callable<List<AppendResult>>> tasks = new ArrayList<>();
        for (int writer = 0; writer < 4; writer++) {
            List<Integer> order =
                    new ArrayList<>(IntStream.rangeClosed(1, count / 10).boxed().toList());
            Collections.shuffle(order, new java.util.Random(writer));
            tasks.add(() -> {
                List<AppendResult> results = new ArrayList<>();
                for (int batch : order) {
                    results.addAll(ledger.append(OP, entries(batch * 10 - 9, batch * 10)));
                }
                return results;
            });
        }
        java.util.Map<UUID, Long> seqOf = new java.util.HashMap<>();
        int created = 0;
        for (List<AppendResult> results : allAtOnce(tasks)) {
            for (AppendResult result : results) {
                assertThat(result.outcome()).isIn(Outcome.CREATED, Outcome.DUPLICATE);
                created += result.outcome() == Outcome.CREATED ? 1 : 0;
                Long earlier = seqOf.putIfAbsent(result.id(), result.seq());
                assertThat(earlier == null ? result.seq() : earlier).isEqualTo(result.seq());
            }
        }

        assertThat(created).isEqualTo(count);
        assertThat(ledger.size(OP)).isEqualTo(count);
        assertThat(new java.util.TreeSet<>(seqOf.values()))
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, count).boxed().toList());
        for (StoredEntry stored : ledger.read(OP, 0, count)) {
            assertThat(seqOf.get(stored.id())).isEqualTo(stored.seq());
        }
        assertLogHoldsTheStoredBodies(ledger, OP);
    }

    /**
     * Eight writers at once each append a batch of their own new observation and one shared id, each with a body of
     * its own, as a device resending an edited record through several servers might. Appends waiting at the same
     * moment are written in one transaction (group commit), where an id met twice is decided as if the batches came
     * one after the other: the shared id is stored once, with the body of the writer whose result says so, every other
     * writer gets a conflict for it, and every writer's own observation is stored.
     */
    @Test
    void append_ofOneIdWithDifferentBodiesAtOnce_storesOne_andTheOthersConflict() throws Exception {
        defineOperation();
        UUID shared = id(999);
        List<Callable<List<AppendResult>>> tasks = new ArrayList<>();
        for (int writer = 1; writer <= 8; writer++) {
            List<NewEntry> batch = List.of(entry(writer), entry(shared, writer, DEFINED));
            tasks.add(() -> ledger.append(OP, batch));
        }
        List<List<AppendResult>> results = allAtOnce(tasks);

        List<Long> storedWith = new ArrayList<>();
        for (int writer = 1; writer <= 8; writer++) {
            List<AppendResult> own = results.get(writer - 1);
            assertThat(own.get(0).outcome()).isEqualTo(Outcome.CREATED);
            assertThat(own.get(1).outcome()).isIn(Outcome.CREATED, Outcome.CONFLICT);
            if (own.get(1).outcome() == Outcome.CREATED) {
                storedWith.add((long) writer);
            }
        }
        assertThat(storedWith).hasSize(1);
        assertThat(ledger.size(OP)).isEqualTo(9);
        StoredEntry stored = ledger.read(OP, 0, 9).stream()
                .filter(entry -> entry.id().equals(shared))
                .findFirst()
                .orElseThrow();
        assertThat(stored.body()).contains("\"people\":" + storedWith.getFirst() + ",");
        assertLogHoldsTheStoredBodies(ledger, OP);
    }

    /** A batch the database refuses, appended alone: the failure names the append, and nothing of it is stored. */
    @Test
    void append_ofABatchTheDatabaseRefuses_failsNamingTheAppend_andStoresNothing() {
        defineOperation();
        SealedPersons withoutDigest = new SealedPersons(null, "key-1", new byte[12], new byte[32]);
        List<NewEntry> batch = List.of(entry(1), entry(2).withPersons(withoutDigest));

        assertThatThrownBy(() -> ledger.append(OP, batch))
                .isInstanceOf(org.corridor.core.StorageException.class)
                .hasMessageStartingWith("could not append 2 observations to operation '" + OP + "'")
                .hasMessageContaining("Nothing of it was stored");
        assertThat(ledger.size(OP)).isZero();
        ledger.append(OP, entries(1, 3));
        assertThat(ledger.size(OP)).isEqualTo(3);
        assertLogHoldsTheStoredBodies(ledger, OP);
    }

    /**
     * Eight writers at once, one of whose batches the database refuses (personal data without its digest breaks a NOT
     * NULL column). Batches written together in one transaction must not share that failure: the refused batch alone
     * fails, naming the append, and every other writer's observations are stored, the log without a gap.
     */
    @Test
    void append_ofBatchesAtOnce_whereTheDatabaseRefusesOne_failsThatOneAlone() throws Exception {
        defineOperation();
        SealedPersons withoutDigest = new SealedPersons(null, "key-1", new byte[12], new byte[32]);
        List<Callable<String>> tasks = new ArrayList<>();
        for (int writer = 1; writer <= 8; writer++) {
            List<NewEntry> batch = writer == 3
                    ? List.of(entry(writer * 10).withPersons(withoutDigest))
                    : entries(writer * 10, writer * 10 + 4);
            tasks.add(() -> {
                try {
                    return ledger.append(OP, batch).stream()
                            .map(result -> result.outcome().name())
                            .distinct()
                            .toList()
                            .toString();
                } catch (org.corridor.core.StorageException e) {
                    return "refused: " + e.getMessage();
                }
            });
        }
        List<String> outcomes = allAtOnce(tasks);

        for (int writer = 1; writer <= 8; writer++) {
            if (writer == 3) {
                assertThat(outcomes.get(writer - 1)).startsWith("refused: could not append 1 observations");
            } else {
                assertThat(outcomes.get(writer - 1)).isEqualTo("[CREATED]");
            }
        }
        assertThat(ledger.size(OP)).isEqualTo(35);
        assertThat(ledger.read(OP, 0, 100)).extracting(StoredEntry::id).doesNotContain(id(30));
        assertLogHoldsTheStoredBodies(ledger, OP);
    }

    /** Runs every task on a thread of its own, all released at the same moment; their results in task order. */
    private static <T> List<T> allAtOnce(List<Callable<T>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(tasks.size())) {
            List<Future<T>> futures = tasks.stream()
                    .map(task -> pool.submit(() -> {
                        start.await();
                        return task.call();
                    }))
                    .toList();
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    /** Bodies go to the database in bulk (COPY's text format on PostgreSQL): every character must come back. */
    @Test
    void append_keepsEveryCharacterOfTheBody() {
        defineOperation();
        List<String> bodies = List.of(
                "{\"note\":\"a \\\"quoted\\\" back\\\\slash \\\\N \\\\x00\"}",
                "{\"note\":\"tab\there, newline\nthere, return\rthere\"}",
                "{\"note\":\"حلب الشرقية — ١٢٬٠٠٠ 🚌\"}");
        List<NewEntry> batch = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            batch.add(new NewEntry(id(i + 1), "convoy.departed", "2016-12-19T06:10:00Z", bodies.get(i), DEFINED));
        }

        ledger.append(OP, batch);

        assertThat(ledger.read(OP, 0, 10).stream().map(StoredEntry::body).toList())
                .containsExactlyElementsOf(bodies);
        assertLogHoldsTheStoredBodies(ledger, OP);
    }

    @Test
    void read_afterAndLimit_returnThatWindowInSeqOrder() {
        defineOperation();
        ledger.append(OP, entries(1, 10));

        assertThat(ledger.read(OP, 3, 4)).extracting(StoredEntry::seq).containsExactly(4L, 5L, 6L, 7L);
        assertThat(ledger.read(OP, 8, 100)).extracting(StoredEntry::seq).containsExactly(9L, 10L);
        assertThat(ledger.read(OP, 10, 100)).isEmpty();
        assertThat(ledger.read(OP, 0, 0)).isEmpty();
    }

    @Test
    void read_returnsTheBodyExactlyAsAppended() {
        defineOperation();
        NewEntry arabic = new NewEntry(
                id(1),
                "incident.reported",
                "2016-12-19T06:10:00Z",
                "{\"note\":\"حافلة متوقفة عند الراموسة\"}",
                References.none());
        ledger.append(OP, List.of(arabic));

        assertThat(ledger.read(OP, 0, 1))
                .containsExactly(new StoredEntry(1, id(1), arabic.body(), "2016-12-19T06:10:00Z"));
    }

    @Test
    void read_unknownOperation_isNotFound() {
        assertThatThrownBy(() -> ledger.read("nowhere", 0, 10)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void forEach_visitsEveryEntryInSeqOrder() {
        defineOperation();
        for (int from = 1; from <= 2_500; from += 500) {
            ledger.append(OP, entries(from, from + 499));
        }
        List<Long> seen = new ArrayList<>();

        ledger.forEach(OP, stored -> seen.add(stored.seq()));

        assertThat(seen).isEqualTo(LongStream.rangeClosed(1, 2_500).boxed().toList());
    }

    @Test
    void forEach_unknownOperation_isNotFound() {
        assertThatThrownBy(() -> ledger.forEach("nowhere", stored -> {})).isInstanceOf(NotFoundException.class);
    }

    @Test
    void size_isTheNumberOfStoredObservations() {
        defineOperation();
        assertThat(ledger.size(OP)).isZero();

        ledger.append(OP, List.of(entry(1), entry(2), entry(1), entry(2, 5)));

        assertThat(ledger.size(OP)).isEqualTo(2);
    }

    @Test
    void size_unknownOperation_isNotFound() {
        assertThatThrownBy(() -> ledger.size("nowhere")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void used_collectsTheIdsStoredObservationsReferenceByKind() {
        defineOperation();
        ledger.putOperation(OTHER_OP, "{}", DEFINED);
        ledger.append(
                OP,
                List.of(
                        entry(1),
                        entry(
                                id(2),
                                5,
                                new References(
                                        Set.of("east-aleppo", "rashidin"),
                                        Set.of(),
                                        Set.of("m-icrc-02"),
                                        Set.of("russia")))));
        ledger.append(
                OTHER_OP, List.of(entry(id(3), 5, new References(Set.of("ramouseh"), Set.of(), Set.of(), Set.of()))));

        assertThat(ledger.used(OP))
                .isEqualTo(new References(
                        Set.of("east-aleppo", "rashidin"),
                        Set.of("east-aleppo-out"),
                        Set.of("m-un-01", "m-icrc-02"),
                        Set.of("russia")));
    }

    @Test
    void used_noObservations_isNone() {
        defineOperation();

        assertThat(ledger.used(OP)).isEqualTo(References.none());
    }

    static SealedPersons sealed(String digest, int fill) {
        byte[] ciphertext = new byte[40];
        java.util.Arrays.fill(ciphertext, (byte) fill);
        return new SealedPersons(digest, "key-1", new byte[12], ciphertext);
    }

    @Test
    void persons_areKeptWithTheirObservation_andReadBackAsStored() {
        defineOperation();
        SealedPersons persons = sealed("digest-1", 7);

        ledger.append(OP, List.of(entry(1).withPersons(persons), entry(2)));

        SealedPersons read = ledger.persons(OP, id(1)).orElseThrow();
        assertThat(read.digest()).isEqualTo("digest-1");
        assertThat(read.keyId()).isEqualTo("key-1");
        assertThat(read.nonce()).isEqualTo(persons.nonce());
        assertThat(read.ciphertext()).isEqualTo(persons.ciphertext());
        assertThat(ledger.persons(OP, id(2))).isEmpty();
        assertThat(ledger.persons(OTHER_OP, id(1))).isEmpty();
    }

    @Test
    void persons_ofADuplicate_keepTheFirst_andThoseOfAConflict_areNotKept() {
        defineOperation();
        ledger.append(OP, List.of(entry(1).withPersons(sealed("digest-1", 1)), entry(2)));

        ledger.append(
                OP,
                List.of(
                        entry(1).withPersons(sealed("digest-1", 2)),
                        entry(2, 99).withPersons(sealed("x", 3))));

        assertThat(ledger.persons(OP, id(1)).orElseThrow().ciphertext()).containsOnly((byte) 1);
        assertThat(ledger.persons(OP, id(2))).isEmpty();
    }

    @Test
    void persons_thatCannotBeWritten_takeTheirObservationWithThem() {
        defineOperation();

        assertThatThrownBy(() -> ledger.append(OP, List.of(entry(1), entry(2).withPersons(sealed(null, 1)))));

        assertThat(ledger.size(OP)).isZero();
        assertThat(ledger.read(OP, 0, 10)).isEmpty();
        ledger.append(OP, entries(1, 2));
        assertThat(ledger.size(OP)).isEqualTo(2);
    }

    @Test
    void persons_refuseUpdateEvenInSql() {
        defineOperation();
        ledger.append(OP, List.of(entry(1).withPersons(sealed("digest-1", 1))));

        assertThatThrownBy(() -> sql(handle -> handle.execute("UPDATE persons SET sealed = 'AAAA'")))
                .hasMessageContaining("never changed");
    }

    @Test
    void storedObservation_refusesUpdateEvenInSql() {
        defineOperation();
        ledger.append(OP, entries(1, 2));

        assertThatThrownBy(() -> sql(handle -> handle.execute("UPDATE observation SET body = '{}' WHERE seq = 1")))
                .hasMessageContaining("append-only");
        assertThat(ledger.read(OP, 0, 1)).extracting(StoredEntry::body).containsExactly(entry(1).body());
    }

    @Test
    void storedObservation_refusesDeleteEvenInSql() {
        defineOperation();
        ledger.append(OP, entries(1, 2));

        assertThatThrownBy(() -> sql(handle -> handle.execute("DELETE FROM observation WHERE seq = 2")))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql(handle -> handle.execute("DELETE FROM observation_ref")))
                .hasMessageContaining("append-only");
        assertThat(ledger.size(OP)).isEqualTo(2);
    }

    @Test
    void observationWithAGapInSeq_isRefusedEvenInSql() {
        defineOperation();
        ledger.append(OP, entries(1, 1));

        assertThatThrownBy(() -> sql(handle -> insertRow(handle, 3))).hasMessageContaining("no gaps");
        assertThatThrownBy(() -> sql(handle -> handle.execute("UPDATE operation SET last_seq = 7")))
                .hasMessageContaining("last_seq");
        assertThat(ledger.append(OP, entries(2, 2))).containsExactly(new AppendResult(id(2), Outcome.CREATED, 2));
    }

    @Test
    void operationsLastSeq_followsEveryAppend_andADuplicateOnlyBatchLeavesIt() {
        defineOperation();
        ledger.append(OP, entries(1, 3));
        assertThat(storedLastSeq()).isEqualTo(3);
        ledger.append(OP, List.of(entry(2), entry(4), entry(4), entry(5)));
        assertThat(storedLastSeq()).isEqualTo(5).isEqualTo(ledger.size(OP));
        ledger.append(OP, entries(1, 5));
        assertThat(storedLastSeq()).isEqualTo(5);
        long highest = sql(handle -> handle.createQuery("SELECT max(seq) FROM observation WHERE operation_id = :op")
                .bind("op", OP)
                .mapTo(Long.class)
                .one());
        assertThat(highest).isEqualTo(5);
    }

    private long storedLastSeq() {
        return sql(handle -> handle.createQuery("SELECT last_seq FROM operation WHERE id = :op")
                .bind("op", OP)
                .mapTo(Long.class)
                .one());
    }

    private static int insertRow(Handle handle, long seq) {
        return handle.execute(
                "INSERT INTO observation (operation_id, seq, id, type, at_utc, body, stored_at) VALUES (?, ?, ?, 't', 'a', '{}', 's')",
                OP,
                seq,
                id(99).toString());
    }

    @Test
    void storedData_survivesCloseAndReopen() {
        defineOperation();
        ledger.append(OP, entries(1, 5));
        ledger.close();

        ledger = open(InstantSource.fixed(STORED_AT));

        assertThat(ledger.operationIds()).containsExactly(OP);
        assertThat(ledger.operation(OP)).contains(DEFINITION);
        assertThat(ledger.read(OP, 0, 10))
                .extracting(StoredEntry::id)
                .containsExactly(id(1), id(2), id(3), id(4), id(5));
        assertThat(ledger.append(OP, List.of(entry(3), entry(6))))
                .containsExactly(
                        new AppendResult(id(3), Outcome.DUPLICATE, 3), new AppendResult(id(6), Outcome.CREATED, 6));
    }

    // The Merkle log

    /** Every root, and an inclusion proof of every leaf, from the stored hashes, against a tree built in memory. */
    static void assertLogHoldsTheStoredBodies(Ledger ledger, String operationId) {
        MemoryTree expected = new MemoryTree();
        ledger.forEach(
                operationId, entry -> expected.append(entry.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        long size = ledger.size(operationId);
        assertThat(expected.size()).isEqualTo(size);
        for (long n = 1; n <= size; n++) {
            long treeSize = n;
            byte[] root = BatchedNodes.compute(
                    nodes -> ledger.logNodes(operationId, nodes), nodes -> MerkleLog.rootHash(nodes, treeSize));
            assertThat(root).as("root of %d leaves", n).isEqualTo(MerkleLog.rootHash(expected, n));
        }
        for (long index = 0; index < size; index += Math.max(1, size / 50)) {
            long leaf = index;
            List<byte[]> proof = BatchedNodes.compute(
                    nodes -> ledger.logNodes(operationId, nodes), nodes -> MerkleLog.inclusionProof(nodes, leaf, size));
            assertThat(MerkleLog.verifyInclusion(
                            leaf, size, expected.subtreeHash(0, leaf), proof, MerkleLog.rootHash(expected, size)))
                    .as("inclusion of leaf %d", leaf)
                    .isTrue();
        }
    }

    @Test
    void log_holdsEveryCreatedEntry_notDuplicatesOrConflicts() {
        defineOperation();
        ledger.append(OP, entries(1, 3));
        ledger.append(OP, List.of(entry(2), entry(3, 99), entry(4)));
        ledger.append(OP, entries(5, 21));

        assertThat(ledger.size(OP)).isEqualTo(21);
        assertLogHoldsTheStoredBodies(ledger, OP);
    }

    @Test
    void log_continuesAfterReopen_andWithASecondLedgerOnTheSameStore() {
        defineOperation();
        ledger.append(OP, entries(1, 5));
        ledger.close();
        ledger = open(InstantSource.fixed(STORED_AT));
        ledger.append(OP, entries(6, 9));

        try (Ledger second = open(InstantSource.fixed(STORED_AT))) {
            second.append(OP, entries(10, 12));
            ledger.append(OP, entries(13, 13));
            second.append(OP, entries(14, 17));
            assertLogHoldsTheStoredBodies(second, OP);
        }
        assertLogHoldsTheStoredBodies(ledger, OP);
    }

    /**
     * Each append of one ledger finds the log grown by the other's since its own last one, so it takes the log's edge
     * from the store as it locks the operation; batches of 1 to 7 entries bring the sizes through many patterns of
     * bits.
     */
    @Test
    void log_staysOneTree_whenTwoLedgersTakeTurnsAtEverySize() {
        defineOperation();
        try (Ledger second = open(InstantSource.fixed(STORED_AT))) {
            int next = 1;
            for (int turn = 0; turn < 40; turn++) {
                int count = 1 + turn % 7;
                assertThat((turn % 2 == 0 ? ledger : second).append(OP, entries(next, next + count - 1)))
                        .extracting(AppendResult::outcome)
                        .containsOnly(Outcome.CREATED);
                next += count;
            }
            assertThat(ledger.size(OP)).isEqualTo(next - 1);
            assertLogHoldsTheStoredBodies(second, OP);
        }
    }

    @Test
    void log_eachOperationHasItsOwn() {
        defineOperation();
        ledger.putOperation(OTHER_OP, DEFINITION, DEFINED);
        ledger.append(OP, entries(1, 4));
        ledger.append(OTHER_OP, entries(3, 9));

        assertLogHoldsTheStoredBodies(ledger, OP);
        assertLogHoldsTheStoredBodies(ledger, OTHER_OP);
    }

    @Test
    void logNodes_notStored_isADamagedLog_andUnknownOperationIsNotFound() {
        defineOperation();
        ledger.append(OP, entries(1, 2));

        assertThatThrownBy(() -> ledger.logNodes(OP, Set.of(new BatchedNodes.Node(1, 1))))
                .hasMessageContaining("no stored hash at level 1, index 1");
        assertThatThrownBy(() -> ledger.logNodes("nowhere", Set.of(new BatchedNodes.Node(0, 0))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void storedLogHashes_refuseUpdateAndDeleteEvenInSql() {
        defineOperation();
        ledger.append(OP, entries(1, 2));

        assertThatThrownBy(() -> sql(handle -> handle.execute("UPDATE log_node SET idx = 7 WHERE level = 1")))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql(handle -> handle.execute("DELETE FROM log_node WHERE level = 0")))
                .hasMessageContaining("append-only");
        assertLogHoldsTheStoredBodies(ledger, OP);
    }

    @Test
    void checkpoints_areKeptOncePerSizeAndKey_andTheLargestIsTheLatest() {
        defineOperation();
        assertThat(ledger.latestCheckpoint(OP)).isEmpty();
        byte[] root = MerkleLog.leafHash(new byte[] {1});
        ledger.putCheckpoint(OP, new StoredCheckpoint(2, "corridor+01020304", root, "note 2"));
        ledger.putCheckpoint(OP, new StoredCheckpoint(5, "corridor+01020304", root, "note 5"));
        ledger.putCheckpoint(OP, new StoredCheckpoint(5, "corridor+01020304", root, "note 5 again"));
        ledger.putCheckpoint(OP, new StoredCheckpoint(3, "corridor+01020304", root, "note 3"));

        assertThat(ledger.latestCheckpoint(OP)).map(StoredCheckpoint::note).contains("note 5");
        assertThat(ledger.checkpoint(OP, 3, "corridor+01020304"))
                .map(StoredCheckpoint::root)
                .hasValueSatisfying(r -> assertThat(r).isEqualTo(root));
        assertThat(ledger.checkpoint(OP, 3, "other+01020304")).isEmpty();
        assertThatThrownBy(() -> sql(handle -> handle.execute("DELETE FROM log_checkpoint")))
                .hasMessageContaining("append-only");
    }

    @Test
    void accessStore_findsTokensByHash_andRevokingAnAccountRevokesItsTokensAndEndsItsSessions() {
        AccessStore access = Ledgers.accessStore(ledger);
        access.createAccount(
                new Account("m-un-01", Role.MONITOR, Set.of(OP, OTHER_OP), null, "2016-12-19T06:00:00Z", null));
        access.addToken(new TokenInfo("tok-1", "m-un-01", "2016-12-19T06:00:00Z", null, null), "hash-1");
        access.createSession(new SessionInfo("session-1", "m-un-01", STORED_AT, STORED_AT));

        assertThat(access.account("m-un-01").orElseThrow().operations()).containsExactlyInAnyOrder(OP, OTHER_OP);
        assertThat(access.tokenByHash("hash-1").orElseThrow().accountId()).isEqualTo("m-un-01");
        assertThat(access.revokeAccount("m-un-01", STORED_AT)).isTrue();

        assertThat(access.account("m-un-01").orElseThrow().active()).isFalse();
        assertThat(access.tokenByHash("hash-1").orElseThrow().active()).isFalse();
        assertThat(access.session("session-1")).isEmpty();
        assertThatThrownBy(() -> access.createAccount(
                        new Account("m-un-01", Role.VIEWER, null, null, "2016-12-19T07:00:00Z", null)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void auditTrail_keepsOrder_andRefusesUpdateAndDeleteEvenInSql() {
        AccessStore access = Ledgers.accessStore(ledger);
        access.audit(new AuditEvent(0, "2016-12-19T06:00:00Z", "login", "coord", "10.0.0.1", null, "coord", null));
        access.audit(new AuditEvent(0, "2016-12-19T06:01:00Z", "correction", "coord", null, OP, "x", null));

        assertThat(access.auditTrail(0, 10))
                .extracting(AuditEvent::seq, AuditEvent::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, "login"),
                        org.assertj.core.groups.Tuple.tuple(2L, "correction"));
        assertThat(access.auditTrail(1, 10)).hasSize(1);
        assertThatThrownBy(() -> sql(handle -> handle.execute("UPDATE audit SET actor = 'someone-else'")))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql(handle -> handle.execute("DELETE FROM audit")))
                .hasMessageContaining("append-only");
        assertThat(access.auditTrail(0, 10)).extracting(AuditEvent::actor).containsOnly("coord");
    }
}
