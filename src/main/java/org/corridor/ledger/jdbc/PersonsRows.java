package org.corridor.ledger.jdbc;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.ledger.AppendResult;
import org.corridor.ledger.NewEntry;
import org.corridor.ledger.SealedPersons;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The sealed personal data beside observations (V6's {@code persons}): written inside the append's transaction, so
 * that an acknowledged observation never lacks the names it was sent with, and read back by observation id.
 */
final class PersonsRows {
    private PersonsRows() {}

    /**
     * Keeps the sealed persons of every entry that was stored or found identical to a stored one. An identical
     * re-send carries the same digest, so the list it seals is the one already kept, if any: nothing changes then.
     */
    static void insert(
            Handle handle, String operationId, List<NewEntry> batch, List<AppendResult> results, String now) {
        PreparedBatch rows = null;
        for (int i = 0; i < batch.size(); i++) {
            SealedPersons sealed = batch.get(i).persons();
            AppendResult.Outcome outcome = results.get(i).outcome();
            if (sealed == null || outcome == AppendResult.Outcome.CONFLICT) {
                continue;
            }
            if (rows == null) {
                rows = handle.prepareBatch(
                        "INSERT INTO persons (operation_id, observation_id, digest, key_id, nonce, sealed, stored_at)"
                                + " VALUES (:operation, :id, :digest, :keyId, :nonce, :sealed, :storedAt)"
                                + " ON CONFLICT DO NOTHING");
            }
            rows.bind("operation", operationId)
                    .bind("id", batch.get(i).id().toString())
                    .bind("digest", sealed.digest())
                    .bind("keyId", sealed.keyId())
                    .bind("nonce", Base64.getEncoder().encodeToString(sealed.nonce()))
                    .bind("sealed", Base64.getEncoder().encodeToString(sealed.ciphertext()))
                    .bind("storedAt", now)
                    .add();
        }
        if (rows != null && rows.size() > 0) {
            rows.execute();
        }
    }

    static Optional<SealedPersons> find(Handle handle, String operationId, UUID observationId) {
        return handle.createQuery("SELECT digest, key_id, nonce, sealed FROM persons"
                        + " WHERE operation_id = :operation AND observation_id = :id")
                .bind("operation", operationId)
                .bind("id", observationId.toString())
                .map((row, context) -> new SealedPersons(
                        row.getString("digest"),
                        row.getString("key_id"),
                        decode(row.getString("nonce")),
                        decode(row.getString("sealed"))))
                .findOne();
    }

    /** Stored text that is not base64 reads as no bytes, which fails authentication like any other change. */
    private static byte[] decode(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
