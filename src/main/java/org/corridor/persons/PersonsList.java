package org.corridor.persons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.corridor.core.Problems;
import org.corridor.integrity.CanonicalizationException;
import org.corridor.integrity.Jcs;

/**
 * The {@code persons} member of a posted observation: a salt and a list of people. Its digest,
 * base64url(SHA-256(salt ‖ JCS(list))), is what the observation carries in {@code personsDigest}. Problems name the
 * field at fault and never repeat what it held.
 */
public record PersonsList(byte[] salt, List<Person> list) {
    public static final String FIELD = "persons";
    public static final int MIN_SALT_BYTES = 16;
    public static final int MAX_SALT_BYTES = 64;
    public static final int MAX_PEOPLE = 1_000;
    public static final int MAX_NAME_CHARS = 200;
    public static final int MAX_AGE = 150;

    private static final Set<String> MEMBERS = Set.of("salt", "list");
    private static final Set<String> PERSON_MEMBERS = Set.of("name", "age", "sex");
    private static final Set<String> SEXES = Set.of("f", "m", "x");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    public PersonsList {
        list = List.copyOf(list);
    }

    /**
     * Reads the {@code persons} member; null, with problems added, when it is not well formed.
     *
     * @param saltRequired whether a missing salt is a problem (it is when the observation already carries a digest)
     */
    public static PersonsList read(JsonNode node, boolean saltRequired, Problems problems) {
        if (node == null || !node.isObject()) {
            problems.add(FIELD, "must be an object {\"salt\": base64url of 16 or more random bytes, \"list\": [...]}");
            return null;
        }
        int before = problems.list().size();
        node.fieldNames().forEachRemaining(name -> {
            if (!MEMBERS.contains(name)) {
                problems.add(FIELD + "." + safeName(name), "is not a field of persons; expected salt and list");
            }
        });
        byte[] salt = salt(node.get("salt"), saltRequired, problems);
        List<Person> people = people(node.get("list"), problems);
        return problems.list().size() == before ? new PersonsList(salt, people) : null;
    }

    private static byte[] salt(JsonNode node, boolean required, Problems problems) {
        if (node == null) {
            if (required) {
                problems.add(FIELD + ".salt", "is required when the observation carries personsDigest");
            }
            return null;
        }
        byte[] salt = node.isTextual() ? decode(node.textValue()) : null;
        if (salt == null || salt.length < MIN_SALT_BYTES || salt.length > MAX_SALT_BYTES) {
            problems.add(
                    FIELD + ".salt",
                    "must be base64url text of " + MIN_SALT_BYTES + " to " + MAX_SALT_BYTES + " random bytes");
            return null;
        }
        return salt;
    }

    private static List<Person> people(JsonNode node, Problems problems) {
        if (node == null || !node.isArray() || node.isEmpty() || node.size() > MAX_PEOPLE) {
            problems.add(FIELD + ".list", "must be an array of 1 to " + MAX_PEOPLE + " people");
            return List.of();
        }
        List<Person> people = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            Person person = person(node.get(i), FIELD + ".list[" + i + "]", problems);
            if (person != null) {
                people.add(person);
            }
        }
        return people;
    }

    private static Person person(JsonNode node, String path, Problems problems) {
        if (node == null || !node.isObject()) {
            problems.add(path, "must be an object {\"name\", \"age\"?, \"sex\"?}");
            return null;
        }
        boolean ok = true;
        for (var names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!PERSON_MEMBERS.contains(name)) {
                problems.add(path + "." + safeName(name), "is not a field of a person; expected name, age, sex");
                ok = false;
            }
        }
        JsonNode name = node.get("name");
        if (name == null
                || !name.isTextual()
                || name.textValue().isBlank()
                || name.textValue().length() > MAX_NAME_CHARS) {
            problems.add(path + ".name", "is required, as text of 1 to " + MAX_NAME_CHARS + " characters");
            ok = false;
        }
        JsonNode age = node.get("age");
        boolean ageOk = age == null
                || age.isNull()
                || (age.isIntegralNumber()
                        && age.canConvertToInt()
                        && age.intValue() >= 0
                        && age.intValue() <= MAX_AGE);
        if (!ageOk) {
            problems.add(path + ".age", "must be a whole number of years from 0 to " + MAX_AGE);
            ok = false;
        }
        JsonNode sex = node.get("sex");
        boolean sexOk = sex == null || sex.isNull() || (sex.isTextual() && SEXES.contains(sex.textValue()));
        if (!sexOk) {
            problems.add(path + ".sex", "must be one of f, m, x");
            ok = false;
        }
        if (!ok) {
            return null;
        }
        return new Person(
                name.textValue(),
                age == null || age.isNull() ? null : age.intValue(),
                sex == null || sex.isNull() ? null : sex.textValue());
    }

    /** A member name as it may appear in a problem: a short plain one, or nothing of it (it could hold a name). */
    private static String safeName(String name) {
        return name.matches("[A-Za-z][A-Za-z0-9]{0,31}") ? name : "?";
    }

    private static byte[] decode(String text) {
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The same people under {@code newSalt}. */
    public PersonsList withSalt(byte[] newSalt) {
        return new PersonsList(newSalt.clone(), list);
    }

    /** The list as JSON: only the members a person has. */
    public ArrayNode listJson() {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Person person : list) {
            ObjectNode item = array.addObject();
            item.put("name", person.name());
            if (person.age() != null) {
                item.put("age", person.age());
            }
            if (person.sex() != null) {
                item.put("sex", person.sex());
            }
        }
        return array;
    }

    /** The {@code persons} member as it is kept and read back: {@code {"salt", "list"}}. */
    public ObjectNode json() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("salt", BASE64URL.encodeToString(salt));
        node.set("list", listJson());
        return node;
    }

    /**
     * The digest the observation carries: base64url (no padding) of SHA-256(salt ‖ JCS(list)).
     *
     * @throws CanonicalizationException when a name has no canonical form (a lone surrogate)
     */
    public String digest() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return BASE64URL.encodeToString(sha256.digest(Jcs.canonicalize(listJson())));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** True when {@code text} has the form of a digest: base64url of 32 bytes, without padding. */
    public static boolean digestShaped(String text) {
        return text != null && text.length() == 43 && text.matches("[A-Za-z0-9_-]{43}");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PersonsList that && java.util.Arrays.equals(salt, that.salt) && list.equals(that.list);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(salt) + list.hashCode();
    }

    /** Never the names: a list printed by accident says only how many people it holds. */
    @Override
    public String toString() {
        return "PersonsList[" + list.size() + " people]";
    }
}
