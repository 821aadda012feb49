package org.corridor.persons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.corridor.core.Problems;
import org.corridor.core.SealedDataException;
import org.corridor.ledger.SealedPersons;
import org.junit.jupiter.api.Test;

/** Sealing and opening personal data, and the digest the observation carries. */
class PersonsVaultTest {
    private static final PersonsVault VAULT = PersonsVault.parse(PersonsVault.newKeyText());
    private static final UUID ID = UUID.fromString("3f2b8c1e-5d4a-4f7e-9b1c-2a6d8e0f4c3b");

    @Property(tries = 200)
    void sealThenOpen_givesTheSameList(
            @ForAll @StringLength(min = 1, max = 60) String name, @ForAll @IntRange(max = 150) int age) {
        PersonsList persons = new PersonsList(new byte[16], List.of(new Person(name, age, "x")));
        if (name.isBlank() || !canonical(persons)) {
            return; // not a name the reader accepts (blank, or a lone surrogate)
        }

        SealedPersons sealed = VAULT.seal("op", ID, persons.digest(), persons);

        assertThat(VAULT.open("op", ID, sealed)).isEqualTo(persons);
    }

    private static boolean canonical(PersonsList persons) {
        try {
            persons.digest();
            return true;
        } catch (org.corridor.integrity.CanonicalizationException e) {
            return false;
        }
    }

    @Test
    void eachSeal_hasAFreshNonce() {
        PersonsList persons = list("Someone");
        SealedPersons first = VAULT.seal("op", ID, persons.digest(), persons);
        SealedPersons second = VAULT.seal("op", ID, persons.digest(), persons);

        assertThat(first.nonce()).hasSize(12).isNotEqualTo(second.nonce());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        assertThat(new String(first.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("Someone");
    }

    @Test
    void sealedList_movedToAnotherObservationOrDigest_doesNotOpen() {
        PersonsList persons = list("Someone");
        SealedPersons sealed = VAULT.seal("op", ID, persons.digest(), persons);

        assertThatThrownBy(() -> VAULT.open("op", UUID.randomUUID(), sealed)).isInstanceOf(SealedDataException.class);
        assertThatThrownBy(() -> VAULT.open("other-op", ID, sealed)).isInstanceOf(SealedDataException.class);
        SealedPersons otherDigest =
                new SealedPersons("A".repeat(43), sealed.keyId(), sealed.nonce(), sealed.ciphertext());
        assertThatThrownBy(() -> VAULT.open("op", ID, otherDigest))
                .isInstanceOf(SealedDataException.class)
                .hasMessageNotContaining("Someone");
    }

    @Test
    void anotherKey_isNamedAsSuch() {
        PersonsList persons = list("Someone");
        SealedPersons sealed = VAULT.seal("op", ID, persons.digest(), persons);
        PersonsVault other = PersonsVault.parse(PersonsVault.newKeyText());

        assertThatThrownBy(() -> other.open("op", ID, sealed))
                .isInstanceOf(SealedDataException.class)
                .hasMessageContaining(VAULT.keyId())
                .hasMessageContaining(other.keyId());
    }

    @Test
    void digest_isSha256OfSaltThenTheCanonicalList() throws Exception {
        byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        PersonsList persons = PersonsList.read(
                new ObjectMapper()
                        .readTree("{\"salt\": \""
                                + Base64.getUrlEncoder().withoutPadding().encodeToString(salt)
                                + "\", \"list\": [{\"sex\": \"f\", \"name\": \"Ä\", \"age\": 3}, {\"name\": \"B\"}]}"),
                true,
                new Problems());
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(salt);
        byte[] expected = sha256.digest(
                "[{\"age\":3,\"name\":\"Ä\",\"sex\":\"f\"},{\"name\":\"B\"}]".getBytes(StandardCharsets.UTF_8));

        assertThat(persons.digest())
                .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(expected));
    }

    @Test
    void derivedSalt_isTheSameForTheSameObservation_andDiffersForAnother() {
        assertThat(VAULT.derivedSalt("op", ID)).isEqualTo(VAULT.derivedSalt("op", ID));
        assertThat(VAULT.derivedSalt("op", ID)).isNotEqualTo(VAULT.derivedSalt("op", UUID.randomUUID()));
        assertThat(PersonsVault.parse(PersonsVault.newKeyText()).derivedSalt("op", ID))
                .isNotEqualTo(VAULT.derivedSalt("op", ID));
    }

    @Test
    void keyText_ofTheWrongLength_isRefusedWithoutRepeatingIt() {
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> PersonsVault.parse(short16))
                .hasMessageContaining("32 bytes")
                .hasMessageNotContaining(short16);
        assertThatThrownBy(() -> PersonsVault.parse("not base64 at all!")).hasMessageContaining("base64");
    }

    @Test
    void personsAndLists_printNoName() {
        assertThat(list("Someone").toString()).doesNotContain("Someone");
        assertThat(new Person("Someone", 3, "f").toString()).doesNotContain("Someone");
    }

    private static PersonsList list(String name) {
        return new PersonsList(new byte[16], List.of(new Person(name, null, null)));
    }
}
