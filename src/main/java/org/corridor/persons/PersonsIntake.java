package org.corridor.persons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.corridor.core.Problems;
import org.corridor.integrity.CanonicalizationException;
import org.corridor.ledger.SealedPersons;

/**
 * Takes the {@code persons} member off a posted observation before anything else reads it: checks it against the
 * observation's {@code personsDigest} (or, for an unsigned observation without one, gives it a digest), and seals
 * it. What is left is the observation that is signed, stored and logged: it never holds a name.
 */
public final class PersonsIntake {
    public static final String DIGEST_FIELD = "personsDigest";

    private PersonsIntake() {}

    /**
     * The observation to read and store, and the sealed persons beside it (null when it carried none, or when
     * anything was wrong; then a problem naming {@code persons} or {@code personsDigest} was added).
     */
    public record Taken(JsonNode observation, SealedPersons persons) {}

    /**
     * @param vault the server's persons key, or null when it keeps none (then observations with persons are refused)
     */
    public static Taken take(JsonNode item, String operationId, PersonsVault vault, Problems problems) {
        if (!(item instanceof ObjectNode sent)) {
            return new Taken(item, null);
        }
        JsonNode digestNode = sent.get(DIGEST_FIELD);
        String digest = digestNode != null && digestNode.isTextual() ? digestNode.textValue() : null;
        if (digestNode != null && !PersonsList.digestShaped(digest)) {
            problems.add(DIGEST_FIELD, "must be base64url (no padding) of the 32-byte SHA-256 of salt and list");
            digest = null;
        }
        if (!sent.has(PersonsList.FIELD)) {
            return new Taken(item, null);
        }
        ObjectNode observation = JsonNodeFactory.instance.objectNode();
        sent.properties().forEach(member -> {
            if (!member.getKey().equals(PersonsList.FIELD)) {
                observation.set(member.getKey(), member.getValue());
            }
        });
        PersonsList persons = PersonsList.read(sent.get(PersonsList.FIELD), digestNode != null, problems);
        UUID id = uuid(sent.get("id"));
        if (persons == null || id == null || (digestNode != null && digest == null)) {
            return new Taken(observation, null); // the reader names a bad id; the rest is named already
        }
        if (vault == null) {
            problems.add(
                    PersonsList.FIELD,
                    "this server keeps no personal data (it has no persons key); send the "
                            + "observation without persons");
            return new Taken(observation, null);
        }
        try {
            if (digest == null) {
                if (sent.has("signature")) {
                    problems.add(
                            DIGEST_FIELD,
                            "is required on a signed observation that has persons, so that the "
                                    + "signature covers them: base64url(SHA-256(salt bytes ‖ JCS(list)))");
                    return new Taken(observation, null);
                }
                if (persons.salt() == null) {
                    persons = persons.withSalt(vault.derivedSalt(operationId, id));
                }
                digest = persons.digest();
                observation.put(DIGEST_FIELD, digest);
            } else if (!digest.equals(persons.digest())) {
                problems.add(
                        PersonsList.FIELD,
                        "do not match the observation's personsDigest: it must be "
                                + "base64url(SHA-256(salt bytes ‖ JCS(list))) of exactly these salt and list");
                return new Taken(observation, null);
            }
        } catch (CanonicalizationException e) {
            problems.add(PersonsList.FIELD + ".list", "holds text that is not valid Unicode");
            return new Taken(observation, null);
        }
        return new Taken(observation, vault.seal(operationId, id, digest, persons));
    }

    /**
     * An observation made ready for its monitor to sign: {@code observation} is what is signed (no {@code persons},
     * with its {@code personsDigest}), {@code persons} what travels beside it (with its salt), or null when it has
     * none.
     */
    public record ForSigning(ObjectNode observation, ObjectNode persons) {}

    /**
     * Takes {@code persons} off an observation and gives the observation their digest, with a new random salt unless
     * the persons carry one; a digest already there must match them.
     *
     * @throws org.corridor.core.InvalidInputException naming {@code persons} or {@code personsDigest} when they are
     *     not well formed or do not match, never repeating a name
     */
    public static ForSigning forSigning(ObjectNode sent) {
        ObjectNode observation = sent.deepCopy();
        JsonNode node = observation.remove(PersonsList.FIELD);
        if (node == null) {
            return new ForSigning(observation, null);
        }
        Problems problems = new Problems();
        JsonNode given = observation.get(DIGEST_FIELD);
        PersonsList persons = PersonsList.read(node, given != null, problems);
        problems.throwIfAny("persons");
        if (persons.salt() == null) {
            byte[] salt = new byte[32];
            new java.security.SecureRandom().nextBytes(salt);
            persons = persons.withSalt(salt);
        }
        String digest;
        try {
            digest = persons.digest();
        } catch (CanonicalizationException e) {
            throw org.corridor.core.InvalidInputException.of(
                    PersonsList.FIELD + ".list", "holds text that is not valid Unicode");
        }
        if (given != null && !digest.equals(given.asText())) {
            throw org.corridor.core.InvalidInputException.of(
                    PersonsList.FIELD, "do not match the observation's personsDigest");
        }
        observation.put(DIGEST_FIELD, digest);
        return new ForSigning(observation, persons.json());
    }

    private static UUID uuid(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            UUID id = UUID.fromString(node.textValue());
            return id.toString().equals(node.textValue().toLowerCase(java.util.Locale.ROOT)) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
