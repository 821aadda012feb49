package org.corridor.ledger.jdbc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.corridor.integrity.Frontier;
import org.corridor.integrity.MerkleLog;
import org.corridor.ledger.AppendResult;
import org.corridor.ledger.AppendResult.Outcome;
import org.corridor.ledger.NewEntry;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * One append inside its write transaction: looks up what is already stored under the batch's ids in a few queries,
 * decides each entry in order (an id seen earlier in the same batch counts as stored), then inserts the new ones
 * in prepared batches, with the Merkle log's hashes they complete.
 */
final class AppendBatch {
    private static final int IDS_PER_LOOKUP = 500;

    private final Handle handle;
    private final String operationId;
    private final String storedAt;
    private final Map<UUID, Stored> known = new HashMap<>();
    private final PreparedBatch observations;
    private final PreparedBatch references;
    private final Frontier frontier;
    private final PreparedBatch logNodes;
    private final Set<Map.Entry<ReferenceKind, String>> used = new LinkedHashSet<>();
    private long lastSeq;

    private record Stored(long seq, String body) {}

    /** An append after {@code lastSeq}, adding each new entry to {@code frontier}, the log's edge at lastSeq. */
    AppendBatch(Handle handle, String operationId, long lastSeq, String storedAt, Frontier frontier) {
        if (frontier.size() != lastSeq) {
            throw new IllegalStateException(
                    "the Merkle log has " + frontier.size() + " leaves but the ledger " + lastSeq + " observations");
        }
        this.handle = handle;
        this.frontier = frontier;
        this.logNodes = LogNodes.insertBatch(handle);
        this.operationId = operationId;
        this.lastSeq = lastSeq;
        this.storedAt = storedAt;
        this.observations =
                handle.prepareBatch("INSERT INTO observation (operation_id, seq, id, type, at_utc, body, stored_at)"
                        + " VALUES (:operation, :seq, :id, :type, :at, :body, :storedAt)");
        this.references = handle.prepareBatch("INSERT INTO observation_ref (operation_id, kind, ref_id)"
                + " VALUES (:operation, :kind, :ref) ON CONFLICT DO NOTHING");
    }

    List<AppendResult> append(List<NewEntry> batch) {
        lookUpStored(batch);
        List<AppendResult> results = new ArrayList<>(batch.size());
        batch.forEach(entry -> results.add(decide(entry)));
        executeIfAny(observations);
        executeIfAny(logNodes);
        addReferences();
        executeIfAny(references);
        return results;
    }

    private void lookUpStored(List<NewEntry> batch) {
        List<String> ids =
                batch.stream().map(entry -> entry.id().toString()).distinct().toList();
        for (int from = 0; from < ids.size(); from += IDS_PER_LOOKUP) {
            lookUp(ids.subList(from, Math.min(ids.size(), from + IDS_PER_LOOKUP)));
        }
    }

    private void lookUp(List<String> ids) {
        handle.createQuery("SELECT id, seq, body FROM observation WHERE operation_id = :operation AND id IN (<ids>)")
                .bind("operation", operationId)
                .bindList("ids", ids)
                .map((row, context) -> Map.entry(
                        UUID.fromString(row.getString("id")), new Stored(row.getLong("seq"), row.getString("body"))))
                .forEach(stored -> known.put(stored.getKey(), stored.getValue()));
    }

    private AppendResult decide(NewEntry entry) {
        Stored stored = known.get(entry.id());
        if (stored == null) {
            return create(entry);
        }
        return stored.body().equals(entry.body())
                ? new AppendResult(entry.id(), Outcome.DUPLICATE, stored.seq())
                : new AppendResult(entry.id(), Outcome.CONFLICT, 0);
    }

    private AppendResult create(NewEntry entry) {
        long seq = ++lastSeq;
        known.put(entry.id(), new Stored(seq, entry.body()));
        addObservation(entry, seq);
        LogNodes.add(
                logNodes,
                operationId,
                frontier.append(MerkleLog.leafHash(entry.body().getBytes(StandardCharsets.UTF_8))));
        for (ReferenceKind kind : ReferenceKind.values()) {
            for (String ref : kind.idsIn(entry.references())) {
                used.add(Map.entry(kind, ref));
            }
        }
        return new AppendResult(entry.id(), Outcome.CREATED, seq);
    }

    private void addObservation(NewEntry entry, long seq) {
        observations
                .bind("operation", operationId)
                .bind("seq", seq)
                .bind("id", entry.id().toString())
                .bind("type", entry.type())
                .bind("at", entry.atUtc())
                .bind("body", entry.body())
                .bind("storedAt", storedAt)
                .add();
    }

    /** Each defined id the new entries use, once per batch; ids already recorded are skipped by the database. */
    private void addReferences() {
        for (Map.Entry<ReferenceKind, String> reference : used) {
            references
                    .bind("operation", operationId)
                    .bind("kind", reference.getKey().stored())
                    .bind("ref", reference.getValue())
                    .add();
        }
    }

    private static void executeIfAny(PreparedBatch batch) {
        if (batch.size() > 0) {
            batch.execute();
        }
    }
}
