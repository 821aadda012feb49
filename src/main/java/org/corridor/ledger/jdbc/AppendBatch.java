package org.corridor.ledger.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.corridor.integrity.Frontier;
import org.corridor.ledger.AppendResult;
import org.corridor.ledger.AppendResult.Outcome;
import org.corridor.ledger.NewEntry;

/**
 * One append inside its write transaction: decides each entry in order against what is already stored under the
 * batch's ids (an id seen earlier in the same batch counts as stored), gathers the rows of the new ones for each table
 * it writes, then has the {@link Dialect} insert each table's rows in one go.
 *
 * <p>What is stored under the batch's ids is looked up with {@link #storedAmong}, either inside the transaction or,
 * to keep that work out of the time the operation is locked, just before it. A stored observation never changes or
 * goes, so an earlier look-up can only have missed ids stored since; if one of those is among the new entries, the
 * insert breaks the unique (operation, id) key, the transaction rolls back, and the ledger appends again looking up
 * inside the lock ({@link JdbcLedger}).
 *
 * <p>The tables, in the order they are written: {@code observation} (one row per new entry), {@code log_node} (the
 * Merkle log's hashes each new entry completes, about two per entry) and {@code observation_ref} (each defined id the
 * new entries use, once per append). Another table written with the observations is one more {@link TableRows},
 * filled in {@link #create} and inserted in {@link #append}. Plain JDBC, not JDBI's named binding: per row, that
 * binding cost more than the database's insert.
 */
final class AppendBatch {
    static final int IDS_PER_LOOKUP = 500;

    private final Connection connection;
    private final Dialect dialect;
    private final String operationId;
    private final String storedAt;
    private final Map<UUID, Stored> known;
    private final Frontier frontier;
    private final TableRows observations = new TableRows(
            "observation",
            "",
            new TableRows.Column("operation_id", TableRows.Type.TEXT),
            new TableRows.Column("seq", TableRows.Type.BIGINT),
            new TableRows.Column("id", TableRows.Type.TEXT),
            new TableRows.Column("type", TableRows.Type.TEXT),
            new TableRows.Column("at_utc", TableRows.Type.TEXT),
            new TableRows.Column("body", TableRows.Type.TEXT),
            new TableRows.Column("stored_at", TableRows.Type.TEXT));
    private final TableRows logNodes = LogNodes.rows();
    private final TableRows references = new TableRows(
            "observation_ref",
            "ON CONFLICT DO NOTHING",
            new TableRows.Column("operation_id", TableRows.Type.TEXT),
            new TableRows.Column("kind", TableRows.Type.TEXT),
            new TableRows.Column("ref_id", TableRows.Type.TEXT));
    private final Set<Map.Entry<ReferenceKind, String>> used = new LinkedHashSet<>();
    private long lastSeq;

    /** An observation already stored: its number and canonical body. */
    record Stored(long seq, String body) {}

    /**
     * An append after {@code lastSeq}, adding each new entry to {@code frontier}, the log's edge at lastSeq.
     *
     * @param stored what {@link #storedAmong} found under the batch's ids (this append adds to a copy)
     */
    AppendBatch(
            Connection connection,
            Dialect dialect,
            String operationId,
            long lastSeq,
            String storedAt,
            Frontier frontier,
            Map<UUID, Stored> stored) {
        if (frontier.size() != lastSeq) {
            throw new IllegalStateException(
                    "the Merkle log has " + frontier.size() + " leaves but the ledger " + lastSeq + " observations");
        }
        this.connection = connection;
        this.dialect = dialect;
        this.frontier = frontier;
        this.operationId = operationId;
        this.lastSeq = lastSeq;
        this.storedAt = storedAt;
        this.known = new HashMap<>(stored);
    }

    /** Appends {@code batch}; {@code leafHashes} holds each entry's Merkle leaf hash, in the same order. */
    List<AppendResult> append(List<NewEntry> batch, List<byte[]> leafHashes) throws SQLException {
        if (leafHashes.size() != batch.size()) {
            throw new IllegalArgumentException(
                    batch.size() + " entries to append but " + leafHashes.size() + " leaf hashes");
        }
        List<AppendResult> results = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            results.add(decide(batch.get(i), leafHashes.get(i)));
        }
        for (Map.Entry<ReferenceKind, String> reference : used) {
            references.add(operationId, reference.getKey().stored(), reference.getValue());
        }
        dialect.insertAll(connection, List.of(observations, logNodes, references));
        return results;
    }

    /** What {@code connection}'s database holds under the ids of {@code batch}, in a few queries. */
    static Map<UUID, Stored> storedAmong(
            Connection connection, Dialect dialect, String operationId, List<NewEntry> batch) throws SQLException {
        List<String> ids =
                batch.stream().map(entry -> entry.id().toString()).distinct().toList();
        Map<UUID, Stored> stored = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_LOOKUP) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + IDS_PER_LOOKUP));
            try (PreparedStatement select = dialect.selectStored(connection, operationId, part);
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.put(UUID.fromString(rows.getString(1)), new Stored(rows.getLong(2), rows.getString(3)));
                }
            }
        }
        return stored;
    }

    private AppendResult decide(NewEntry entry, byte[] leafHash) {
        Stored stored = known.get(entry.id());
        if (stored == null) {
            return create(entry, leafHash);
        }
        return stored.body().equals(entry.body())
                ? new AppendResult(entry.id(), Outcome.DUPLICATE, stored.seq())
                : new AppendResult(entry.id(), Outcome.CONFLICT, 0);
    }

    private AppendResult create(NewEntry entry, byte[] leafHash) {
        long seq = ++lastSeq;
        known.put(entry.id(), new Stored(seq, entry.body()));
        observations.add(operationId, seq, entry.id().toString(), entry.type(), entry.atUtc(), entry.body(), storedAt);
        LogNodes.add(logNodes, operationId, frontier.append(leafHash));
        for (ReferenceKind kind : ReferenceKind.values()) {
            for (String ref : kind.idsIn(entry.references())) {
                used.add(Map.entry(kind, ref));
            }
        }
        return new AppendResult(entry.id(), Outcome.CREATED, seq);
    }
}
