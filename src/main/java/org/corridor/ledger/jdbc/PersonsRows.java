package org.corridor.ledger.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.ledger.AppendResult;
import org.corridor.ledger.NewEntry;
import org.corridor.ledger.SealedPersons;
import org.jdbi.v3.core.Handle;

/**
 * The sealed personal data beside observations (V6's {@code persons}): written inside the append's transaction, so
 * that an acknowledged observation never lacks the names it was sent with, and read back by observation id.
 */
final class PersonsRows {
    private PersonsRows() {}

    /**
     * Keeps the sealed persons of every entry that was stored or found identical to a stored one. An identical
     * re-send carries the same digest, so the list it seals is the one already kept, if any: nothing changes then.
     * Inserted as the append's other tables are, in one go through the {@link Dialect}.
     */
    static void insert(
            Connection connection,
            Dialect dialect,
            String operationId,
            List<NewEntry> batch,
            List<AppendResult> results,
            String now)
            throws SQLException {
        TableRows rows = new TableRows(
                "persons",
                "ON CONFLICT DO NOTHING",
                new TableRows.Column("operation_id", TableRows.Type.TEXT),
                new TableRows.Column("observation_id", TableRows.Type.TEXT),
                new TableRows.Column("digest", TableRows.Type.TEXT),
                new TableRows.Column("key_id", TableRows.Type.TEXT),
                new TableRows.Column("nonce", TableRows.Type.TEXT),
                new TableRows.Column("sealed", TableRows.Type.TEXT),
                new TableRows.Column("stored_at", TableRows.Type.TEXT));
        for (int i = 0; i < batch.size(); i++) {
            SealedPersons sealed = batch.get(i).persons();
            AppendResult.Outcome outcome = results.get(i).outcome();
            if (sealed == null || outcome == AppendResult.Outcome.CONFLICT) {
                continue;
            }
            rows.add(
                    operationId,
                    batch.get(i).id().toString(),
                    sealed.digest(),
                    sealed.keyId(),
                    Base64.getEncoder().encodeToString(sealed.nonce()),
                    Base64.getEncoder().encodeToString(sealed.ciphertext()),
                    now);
        }
        dialect.insert(connection, rows);
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
