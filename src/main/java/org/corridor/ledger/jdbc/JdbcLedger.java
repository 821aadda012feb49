package org.corridor.ledger.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.corridor.core.ConflictException;
import org.corridor.core.FieldProblem;
import org.corridor.core.NotFoundException;
import org.corridor.core.StorageException;
import org.corridor.core.Times;
import org.corridor.integrity.BatchedNodes;
import org.corridor.integrity.Frontier;
import org.corridor.integrity.MerkleLog;
import org.corridor.ledger.AppendResult;
import org.corridor.ledger.DefinitionChange;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.NewEntry;
import org.corridor.ledger.OperationHead;
import org.corridor.ledger.References;
import org.corridor.ledger.SealedPersons;
import org.corridor.ledger.StoredCheckpoint;
import org.corridor.ledger.StoredEntry;
import org.corridor.ledger.StoredReport;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger in a relational database, in SQL that SQLite and PostgreSQL share; the rest is the {@link Dialect}'s.
 * Every call about one operation refuses an unknown operation with a {@link NotFoundException}.
 */
final class JdbcLedger implements Ledger {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcLedger.class);
    private static final int FOR_EACH_PAGE = 1_000;
    private static final String WRITE_ADVICE =
            "Nothing of it was stored. Check that the database is reachable, writable"
                    + " and has free space, then try again";
    /** The most entries one group commit writes (see {@link #append}). */
    static final int MAX_GROUP_ENTRIES = 5_000;

    private final Dialect dialect;
    private final Jdbi jdbi;
    private final InstantSource clock;
    /** The right edge of each operation's Merkle log as last committed, so that appends need not read it back. */
    private final Map<String, Frontier> frontiers = new ConcurrentHashMap<>();
    /** Each operation's appends waiting for their turn, as {@link #append} groups them. */
    private final Map<String, Turns> turns = new ConcurrentHashMap<>();

    private JdbcLedger(Dialect dialect, InstantSource clock) {
        this.dialect = dialect;
        this.jdbi = Jdbi.create(dialect.connections());
        this.clock = clock;
    }

    /** The ledger in the dialect's database, its schema migrated to the latest version first. */
    static JdbcLedger open(Dialect dialect, InstantSource clock) {
        try {
            migrate(dialect);
            JdbcLedger ledger = new JdbcLedger(dialect, clock);
            new LogBackfill(ledger.jdbi, dialect).run();
            return ledger;
        } catch (RuntimeException e) {
            dialect.close();
            throw e;
        }
    }

    private static void migrate(Dialect dialect) {
        try {
            Flyway.configure()
                    .dataSource(dialect.dataSource())
                    .locations(dialect.migrations())
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StorageException(
                    "could not bring the ledger schema up to date in " + dialect.describe() + ": " + e.getMessage()
                            + ". Check that the database is reachable and writable, and that it was not made by a"
                            + " newer version of Corridor",
                    e);
        }
    }

    @Override
    public DefinitionChange putOperation(String operationId, String definitionJson, References stillDefined) {
        return writing(
                "store the definition of operation '" + operationId + "'",
                () -> dialect.inWriteTransaction(
                        jdbi, handle -> putOperation(handle, operationId, definitionJson, stillDefined)));
    }

    private DefinitionChange putOperation(
            Handle handle, String operationId, String definitionJson, References stillDefined) {
        dialect.lockDefinitions(handle);
        Optional<String> stored = definition(handle, operationId);
        if (stored.isEmpty()) {
            insertOperation(handle, operationId, definitionJson);
            return DefinitionChange.CREATED;
        }
        if (stored.get().equals(definitionJson)) {
            return DefinitionChange.UNCHANGED;
        }
        refuseDroppingUsedIds(operationId, used(handle, operationId), stillDefined);
        replaceOperation(handle, operationId, definitionJson);
        return DefinitionChange.REPLACED;
    }

    private void insertOperation(Handle handle, String operationId, String definitionJson) {
        handle.createUpdate(
                        "INSERT INTO operation (id, ordinal, definition, created_at, updated_at)"
                                + " VALUES (:id, (SELECT coalesce(max(ordinal), 0) + 1 FROM operation), :definition, :now, :now)")
                .bind("id", operationId)
                .bind("definition", definitionJson)
                .bind("now", now())
                .execute();
    }

    private void replaceOperation(Handle handle, String operationId, String definitionJson) {
        handle.createUpdate("UPDATE operation SET definition = :definition,"
                        + " definition_version = definition_version + 1, updated_at = :now WHERE id = :id")
                .bind("id", operationId)
                .bind("definition", definitionJson)
                .bind("now", now())
                .execute();
    }

    private static void refuseDroppingUsedIds(String operationId, References used, References stillDefined) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ReferenceKind kind : ReferenceKind.values()) {
            for (String id : new TreeSet<>(kind.idsIn(used))) {
                if (!kind.idsIn(stillDefined).contains(id)) {
                    problems.add(new FieldProblem(
                            kind.field(), kind.stored() + " '" + id + "' is used by stored observations"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConflictException(
                    "the definition of operation '" + operationId + "' was not replaced: it drops ids that stored"
                            + " observations use (" + String.join(", ", used.missingFrom(stillDefined)) + ")",
                    problems);
        }
    }

    @Override
    public Optional<String> operation(String operationId) {
        return reading(
                "read the definition of operation '" + operationId + "'",
                () -> jdbi.withHandle(handle -> definition(handle, operationId)));
    }

    private static Optional<String> definition(Handle handle, String operationId) {
        return handle.createQuery("SELECT definition FROM operation WHERE id = :id")
                .bind("id", operationId)
                .mapTo(String.class)
                .findOne();
    }

    @Override
    public List<String> operationIds() {
        return reading(
                "list the operations",
                () -> jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM operation ORDER BY ordinal")
                        .mapTo(String.class)
                        .list()));
    }

    @Override
    public List<OperationHead> heads() {
        return reading(
                "list the operations",
                () -> jdbi.withHandle(handle -> handle.createQuery(
                                "SELECT id, last_seq, definition_version FROM operation ORDER BY ordinal")
                        .map((row, context) -> new OperationHead(
                                row.getString("id"), row.getLong("last_seq"), row.getLong("definition_version")))
                        .list()));
    }

    /**
     * Appends to one operation from this process take turns, and a turn writes, in one transaction, every batch
     * waiting when it has locked the operation (group commit), up to {@value #MAX_GROUP_ENTRIES} entries: one lock of
     * the operation, one read of the log's edge and one durable commit serve them all. Batches wait for the lock the
     * longest with several servers on one database, where each server's turn waits for the others'. Each batch is still
     * stored whole or not at all: when a group's transaction fails, its batches are written again one by one, so that
     * a failure one of them causes is that one's alone. An id sent in two batches of a group is decided as if the
     * batches came one after the other.
     *
     * <p>On PostgreSQL each batch looks up what is stored under its ids first, on its own, so that the operation stays
     * locked only for the inserts; on SQLite a batch is inserted as if none of its ids were stored (see {@link
     * Dialect.IdLookUp}). When that guess is wrong (another writer stored one of the ids in between, or the batch is
     * sent again), the insert breaks the unique key, the transaction rolls back, and the group is appended again with
     * the look-up inside the lock (see {@link AppendBatch}). Either way each entry's leaf hash is computed first,
     * outside the lock: hashing the bodies was most of the Java work an append did while holding it (3.6 ms for 1,000
     * observations on PostgreSQL).
     */
    @Override
    public List<AppendResult> append(String operationId, List<NewEntry> batch) {
        Waiting mine = new Waiting(
                batch,
                leafHashes(batch),
                switch (dialect.idLookUp()) {
                    case BEFORE_THE_LOCK ->
                        writing(
                                appending(batch.size(), operationId),
                                () -> jdbi.withHandle(handle -> storedAmong(handle, operationId, batch)));
                    case AFTER_A_CONFLICT -> Map.of();
                },
                new CompletableFuture<>());
        Turns turns = this.turns.computeIfAbsent(operationId, id -> new Turns());
        turns.waiting.add(mine);
        turns.lock.lock();
        try {
            while (!mine.done().isDone()) {
                List<Waiting> group = new ArrayList<>();
                try {
                    writeGroup(operationId, turns, group);
                } catch (Throwable unexpected) { // what writeGroup does not settle: no batch taken may be left waiting
                    group.forEach(waiting -> waiting.done().completeExceptionally(unexpected));
                    throw unexpected;
                }
            }
        } finally {
            turns.lock.unlock();
        }
        try {
            return mine.done().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    /**
     * A batch waiting for its turn: its leaf hashes, what is stored under its ids as far as is known before the lock
     * (what its own look-up found, or nothing where the dialect looks only after a conflict), and its outcome.
     */
    private record Waiting(
            List<NewEntry> batch,
            List<byte[]> leafHashes,
            Map<UUID, AppendBatch.Stored> lookedUp,
            CompletableFuture<List<AppendResult>> done) {}

    /** The batches waiting to be appended to one operation, and the turn to write them. */
    private static final class Turns {
        final ReentrantLock lock = new ReentrantLock();
        final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();

        /**
         * Takes the batches first in line, together at most {@value JdbcLedger#MAX_GROUP_ENTRIES} entries, or one larger batch
         * alone; never none, since whoever calls this has a batch in line that is not yet written.
         */
        List<Waiting> nextGroup() {
            List<Waiting> group = new ArrayList<>();
            int entries = 0;
            for (Waiting next = waiting.peek();
                    next != null && (group.isEmpty() || entries + next.batch().size() <= MAX_GROUP_ENTRIES);
                    next = waiting.peek()) {
                group.add(waiting.poll());
                entries += next.batch().size();
            }
            if (group.isEmpty()) {
                throw new IllegalStateException("no append is waiting, yet one was not written");
            }
            return group;
        }
    }

    /**
     * One turn: locks the operation, then takes the batches waiting ({@code group} holds them from then on) and
     * writes them in one transaction; when that fails, writes each of them in one of its own.
     */
    private void writeGroup(String operationId, Turns turns, List<Waiting> group) {
        RuntimeException failure;
        try {
            List<AppendResult> results;
            try {
                results = dialect.inWriteTransaction(
                        jdbi, handle -> appendGroup(handle, operationId, turns, group, false));
            } catch (SqlFailure e) {
                if (group.isEmpty()
                        || !(e.getCause() instanceof SQLException cause)
                        || !dialect.observationIdTaken(cause)) {
                    throw e;
                }
                LOG.atDebug()
                        .addKeyValue("operation", operationId)
                        .log("an id of the batch is stored already; appending again with a look-up of its ids");
                results = dialect.inWriteTransaction(
                        jdbi, handle -> appendGroup(handle, operationId, turns, group, true));
            }
            int from = 0;
            for (Waiting waiting : group) {
                int to = from + waiting.batch().size();
                waiting.done().complete(List.copyOf(results.subList(from, to)));
                from = to;
            }
            return;
        } catch (JdbiException | SqlFailure e) {
            takeIfNone(turns, group);
            failure = storageFailure(appending(entriesIn(group), operationId), WRITE_ADVICE, e);
        } catch (RuntimeException e) {
            takeIfNone(turns, group);
            failure = e;
        }
        if (group.size() == 1) {
            group.getFirst().done().completeExceptionally(failure);
            return;
        }
        LOG.atWarn()
                .addKeyValue("operation", operationId)
                .addKeyValue("batches", group.size())
                .log("a group of appends failed together; writing each batch on its own");
        for (Waiting waiting : group) {
            try {
                waiting.done().complete(appendAlone(operationId, turns, waiting));
            } catch (RuntimeException e) {
                waiting.done().completeExceptionally(e);
            }
        }
    }

    /** A turn that failed before it took any batch: those first in line share its failure. */
    private static void takeIfNone(Turns turns, List<Waiting> group) {
        if (group.isEmpty()) {
            group.addAll(turns.nextGroup());
        }
    }

    private static int entriesIn(List<Waiting> group) {
        return group.stream().mapToInt(waiting -> waiting.batch().size()).sum();
    }

    /**
     * Inside a write transaction: locks the operation, takes the batches waiting into {@code group} (unless it holds
     * them already, from a first attempt), and appends them as one.
     */
    private List<AppendResult> appendGroup(
            Handle handle, String operationId, Turns turns, List<Waiting> group, boolean lookUpHere) {
        long lastSeq = lockLastSeq(handle, operationId);
        if (group.isEmpty()) {
            group.addAll(turns.nextGroup());
        }
        List<NewEntry> entries = new ArrayList<>();
        List<byte[]> leafHashes = new ArrayList<>();
        Map<UUID, AppendBatch.Stored> lookedUp = new HashMap<>();
        for (Waiting waiting : group) {
            entries.addAll(waiting.batch());
            leafHashes.addAll(waiting.leafHashes());
            if (!lookUpHere) {
                lookedUp.putAll(waiting.lookedUp());
            }
        }
        return append(
                handle,
                operationId,
                lastSeq,
                entries,
                leafHashes,
                lookUpHere ? storedAmong(handle, operationId, entries) : lookedUp);
    }

    /**
     * Appends one batch in a transaction of its own, as when a group it was in failed, looking up its ids inside the
     * lock.
     */
    private List<AppendResult> appendAlone(String operationId, Turns turns, Waiting waiting) {
        List<Waiting> alone = new ArrayList<>(List.of(waiting));
        return writing(
                appending(waiting.batch().size(), operationId),
                () -> dialect.inWriteTransaction(jdbi, handle -> appendGroup(handle, operationId, turns, alone, true)));
    }

    private static String appending(int count, String operationId) {
        return "append " + count + " observations to operation '" + operationId + "'";
    }

    /** The operation's last seq, its row locked until the transaction ends where the dialect locks rows. */
    private long lockLastSeq(Handle handle, String operationId) {
        return handle.createQuery(dialect.selectLastSeqForAppend())
                .bind("id", operationId)
                .mapTo(Long.class)
                .findOne()
                .orElseThrow(() -> unknown(operationId));
    }

    /** The Merkle leaf hash of each entry's body, in the batch's order. */
    private static List<byte[]> leafHashes(List<NewEntry> batch) {
        List<byte[]> hashes = new ArrayList<>(batch.size());
        for (NewEntry entry : batch) {
            hashes.add(MerkleLog.leafHash(entry.body().getBytes(StandardCharsets.UTF_8)));
        }
        return hashes;
    }

    private Map<UUID, AppendBatch.Stored> storedAmong(Handle handle, String operationId, List<NewEntry> batch) {
        try {
            return AppendBatch.storedAmong(handle.getConnection(), dialect, operationId, batch);
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    private List<AppendResult> append(
            Handle handle,
            String operationId,
            long lastSeq,
            List<NewEntry> batch,
            List<byte[]> leafHashes,
            Map<UUID, AppendBatch.Stored> stored) {
        Frontier frontier = frontierAt(handle, operationId, lastSeq);
        String storedAt = now();
        List<AppendResult> results;
        try {
            results = new AppendBatch(handle.getConnection(), dialect, operationId, lastSeq, storedAt, frontier, stored)
                    .append(batch, leafHashes);
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
        try {
            PersonsRows.insert(handle.getConnection(), dialect, operationId, batch, results, storedAt);
            if (frontier.size() > lastSeq) {
                dialect.advanceLastSeq(handle.getConnection(), operationId, frontier.size());
            }
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
        // Kept for the next append once this one commits; a failed commit leaves a size that no longer matches.
        handle.afterCommit(() -> frontiers.merge(operationId, frontier, JdbcLedger::larger));
        return results;
    }

    /** A copy of the log's right edge at {@code size} leaves, to append to: the one kept, or read from the store. */
    private Frontier frontierAt(Handle handle, String operationId, long size) {
        Frontier kept = frontiers.get(operationId);
        if (kept != null && kept.size() == size) {
            return kept.copy();
        }
        return BatchedNodes.compute(
                nodes -> LogNodes.read(handle, dialect, operationId, nodes), nodes -> Frontier.of(nodes, size));
    }

    private static Frontier larger(Frontier a, Frontier b) {
        return a.size() >= b.size() ? a : b;
    }

    @Override
    public Map<BatchedNodes.Node, byte[]> logNodes(String operationId, Set<BatchedNodes.Node> nodes) {
        return reading(
                "read the Merkle log of operation '" + operationId + "'",
                () -> jdbi.withHandle(handle -> {
                    lastSeq(handle, operationId);
                    return LogNodes.read(handle, dialect, operationId, nodes);
                }));
    }

    @Override
    public List<byte[]> leafHashes(String operationId, long fromIndex, int limit) {
        return reading(
                "read the leaf hashes of operation '" + operationId + "'",
                () -> jdbi.withHandle(handle -> {
                    lastSeq(handle, operationId);
                    return handle.createQuery("SELECT hash FROM log_node WHERE operation_id = :operation AND level = 0"
                                    + " AND idx >= :from ORDER BY idx LIMIT :limit")
                            .bind("operation", operationId)
                            .bind("from", fromIndex)
                            .bind("limit", limit)
                            .map((row, context) -> row.getBytes("hash"))
                            .list();
                }));
    }

    @Override
    public StoredReport addReport(String operationId, UUID id, String bodyJson) {
        return writing(
                "store a report of operation '" + operationId + "'",
                () -> dialect.inWriteTransaction(jdbi, handle -> {
                    handle.createQuery(dialect.selectLastSeqForAppend())
                            .bind("id", operationId)
                            .mapTo(Long.class)
                            .findOne()
                            .orElseThrow(() -> unknown(operationId));
                    long seq = handle.createQuery(
                                    "SELECT coalesce(max(seq), 0) + 1 FROM report WHERE operation_id = :operation")
                            .bind("operation", operationId)
                            .mapTo(Long.class)
                            .one();
                    String storedAt = now();
                    handle.createUpdate("INSERT INTO report (operation_id, seq, id, body, stored_at)"
                                    + " VALUES (:operation, :seq, :id, :body, :storedAt)")
                            .bind("operation", operationId)
                            .bind("seq", seq)
                            .bind("id", id.toString())
                            .bind("body", bodyJson)
                            .bind("storedAt", storedAt)
                            .execute();
                    return new StoredReport(seq, id, bodyJson, storedAt);
                }));
    }

    @Override
    public List<StoredReport> reports(String operationId) {
        return reading(
                "read the reports of operation '" + operationId + "'",
                () -> jdbi.withHandle(handle -> {
                    lastSeq(handle, operationId);
                    return handle.createQuery("SELECT seq, id, body, stored_at FROM report"
                                    + " WHERE operation_id = :operation ORDER BY seq")
                            .bind("operation", operationId)
                            .map((row, context) -> new StoredReport(
                                    row.getLong("seq"),
                                    UUID.fromString(row.getString("id")),
                                    row.getString("body"),
                                    row.getString("stored_at")))
                            .list();
                }));
    }

    @Override
    public Optional<StoredCheckpoint> latestCheckpoint(String operationId) {
        return reading(
                "read the latest checkpoint of operation '" + operationId + "'",
                () -> jdbi.withHandle(handle -> {
                    lastSeq(handle, operationId);
                    return handle.createQuery("SELECT size, key_id, root, note FROM log_checkpoint"
                                    + " WHERE operation_id = :operation ORDER BY size DESC LIMIT 1")
                            .bind("operation", operationId)
                            .map((row, context) -> new StoredCheckpoint(
                                    row.getLong("size"),
                                    row.getString("key_id"),
                                    row.getBytes("root"),
                                    row.getString("note")))
                            .findOne();
                }));
    }

    @Override
    public Optional<StoredCheckpoint> checkpoint(String operationId, long size, String keyId) {
        return reading(
                "read a checkpoint of operation '" + operationId + "'",
                () -> jdbi.withHandle(handle -> handle.createQuery("SELECT size, key_id, root, note FROM log_checkpoint"
                                + " WHERE operation_id = :operation AND size = :size AND key_id = :key")
                        .bind("operation", operationId)
                        .bind("size", size)
                        .bind("key", keyId)
                        .map((row, context) -> new StoredCheckpoint(
                                row.getLong("size"),
                                row.getString("key_id"),
                                row.getBytes("root"),
                                row.getString("note")))
                        .findOne()));
    }

    @Override
    public void putCheckpoint(String operationId, StoredCheckpoint checkpoint) {
        writing(
                "keep a checkpoint of operation '" + operationId + "'",
                () -> dialect.inWriteTransaction(jdbi, handle -> handle.createUpdate(
                                "INSERT INTO log_checkpoint (operation_id, size, key_id, root, note, signed_at)"
                                        + " VALUES (:operation, :size, :key, :root, :note, :now) ON CONFLICT DO NOTHING")
                        .bind("operation", operationId)
                        .bind("size", checkpoint.size())
                        .bind("key", checkpoint.keyId())
                        .bind("root", checkpoint.root())
                        .bind("note", checkpoint.note())
                        .bind("now", now())
                        .execute()));
    }

    @Override
    public List<StoredEntry> read(String operationId, long afterSeq, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + limit);
        }
        return reading(
                "read the observations of operation '" + operationId + "'",
                () -> jdbi.withHandle(handle -> read(handle, operationId, afterSeq, limit)));
    }

    private static List<StoredEntry> read(Handle handle, String operationId, long afterSeq, int limit) {
        List<StoredEntry> entries = handle.createQuery("SELECT seq, id, body, stored_at FROM observation"
                        + " WHERE operation_id = :operation AND seq > :after ORDER BY seq LIMIT :limit")
                .bind("operation", operationId)
                .bind("after", afterSeq)
                .bind("limit", limit)
                .map((row, context) -> new StoredEntry(
                        row.getLong("seq"),
                        UUID.fromString(row.getString("id")),
                        row.getString("body"),
                        row.getString("stored_at")))
                .list();
        if (entries.isEmpty()) {
            lastSeq(handle, operationId);
        }
        return entries;
    }

    /**
     * Pages through the entries stored when the call began, a thousand at a time by sequence number, so that no
     * cursor or read transaction stays open while the consumer works (in SQLite that would stall checkpoints).
     */
    @Override
    public void forEach(String operationId, Consumer<StoredEntry> consumer) {
        long end = size(operationId);
        long after = 0;
        while (after < end) {
            List<StoredEntry> page = read(operationId, after, (int) Math.min(FOR_EACH_PAGE, end - after));
            if (page.isEmpty()) {
                return;
            }
            page.forEach(consumer);
            after = page.getLast().seq();
        }
    }

    @Override
    public long size(String operationId) {
        return reading(
                "count the observations of operation '" + operationId + "'",
                () -> jdbi.withHandle(handle -> lastSeq(handle, operationId)));
    }

    private static long lastSeq(Handle handle, String operationId) {
        return handle.createQuery("SELECT last_seq FROM operation WHERE id = :id")
                .bind("id", operationId)
                .mapTo(Long.class)
                .findOne()
                .orElseThrow(() -> unknown(operationId));
    }

    @Override
    public References used(String operationId) {
        return reading(
                "find the ids used by operation '" + operationId + "'",
                () -> jdbi.withHandle(handle -> {
                    lastSeq(handle, operationId);
                    return used(handle, operationId);
                }));
    }

    private static References used(Handle handle, String operationId) {
        Map<ReferenceKind, Set<String>> ids = new EnumMap<>(ReferenceKind.class);
        for (ReferenceKind kind : ReferenceKind.values()) {
            ids.put(kind, new TreeSet<>());
        }
        handle.createQuery("SELECT DISTINCT kind, ref_id FROM observation_ref WHERE operation_id = :operation")
                .bind("operation", operationId)
                .map((row, context) ->
                        Map.entry(ReferenceKind.fromStored(row.getString("kind")), row.getString("ref_id")))
                .forEach(used -> ids.get(used.getKey()).add(used.getValue()));
        return new References(
                ids.get(ReferenceKind.SITE),
                ids.get(ReferenceKind.MOVEMENT),
                ids.get(ReferenceKind.MONITOR),
                ids.get(ReferenceKind.PARTY));
    }

    @Override
    public Optional<SealedPersons> persons(String operationId, java.util.UUID observationId) {
        return reading(
                "read the personal data beside an observation of operation '" + operationId + "'",
                () -> jdbi.withHandle(handle -> PersonsRows.find(handle, operationId, observationId)));
    }

    @Override
    public AutoCloseable watchChanges(Consumer<String> appended) {
        return dialect.watchChanges(appended);
    }

    @Override
    public void close() {
        dialect.close();
    }

    /** The access tables in this ledger's database, over its connections; closing the ledger closes them too. */
    JdbcAccessStore accessStore() {
        return new JdbcAccessStore(dialect, jdbi);
    }

    /** Runs {@code work} on one of the ledger's own connections; for tests that look beneath the interface. */
    <T> T withHandle(HandleCallback<T, RuntimeException> work) {
        return jdbi.withHandle(work);
    }

    private String now() {
        return Times.format(clock.instant().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    private static NotFoundException unknown(String operationId) {
        return new NotFoundException("no operation '" + operationId + "' is stored; store its definition first");
    }

    private <T> T writing(String action, Supplier<T> work) {
        return failingAs(action, WRITE_ADVICE, work);
    }

    private <T> T reading(String action, Supplier<T> work) {
        return failingAs(action, "Check that the database is reachable and readable, then try again", work);
    }

    private <T> T failingAs(String action, String advice, Supplier<T> work) {
        try {
            return work.get();
        } catch (JdbiException | SqlFailure e) {
            throw storageFailure(action, advice, e);
        }
    }

    private StorageException storageFailure(String action, String advice, RuntimeException failure) {
        return new StorageException(
                "could not " + action + " in " + dialect.describe() + ": " + cause(failure) + ". " + advice, failure);
    }

    /** The database's own words for what went wrong, without JDBI's statement context. */
    private static String cause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                return cause.getMessage();
            }
        }
        return failure.getMessage();
    }
}
