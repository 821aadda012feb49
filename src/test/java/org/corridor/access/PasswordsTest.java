package org.corridor.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordsTest {
    private final PasswordPolicy policy = PasswordPolicy.standard();
    private final PasswordHasher hasher = new PasswordHasher();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "password",
                "Password1",
                "P@ssw0rd!",
                "p4ssw0rd2016",
                "123456789",
                "qwertyuiop",
                "Sunshine2024!",
                "aleppo2016",
                "zzzzzzzzzz",
                "short"
            })
    void commonShortOrRepeated_areRefused(String password) {
        assertThat(policy.problem("someone", password)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"olive tram seventeen harbour", "ب-طاولة-زرقاء-٢٠١٦", "correct-horse-battery-x7", "8charsOK"})
    void longOrUncommonPasswords_areAccepted(String password) {
        assertThat(policy.problem("someone", password)).isEmpty();
    }

    @Test
    void aPasswordHoldingTheAccountId_isRefused() {
        assertThat(policy.problem("cell-coordinator", "my cell-coordinator key"))
                .isPresent();
    }

    @Test
    void lengthLimits_areCountedInCharactersFrom8To128() {
        assertThat(policy.problem("someone", "x".repeat(3) + "yzwvq" + "€".repeat(120)))
                .isEmpty();
        assertThat(policy.problem("someone", "kq3zv9w" + "€".repeat(122))).hasValue("must have at most 128 characters");
        assertThat(policy.problem("someone", "kq3€zv9")).hasValue("must have at least 8 characters");
    }

    @Test
    void argon2id_verifiesTheRightPasswordOnly_andSaltsEachHash() {
        String encoded = hasher.hash("olive tram seventeen harbour");

        assertThat(encoded).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.verify("olive tram seventeen harbour", encoded)).isTrue();
        assertThat(hasher.verify("olive tram seventeen harbouR", encoded)).isFalse();
        assertThat(hasher.hash("olive tram seventeen harbour")).isNotEqualTo(encoded);
        assertThat(hasher.verify("anything", "not an encoding")).isFalse();
    }

    @Test
    void argon2id_verifiesAHashMadeByTheReferenceImplementation() {
        // From the reference argon2 command (Debian's argon2 package):
        // echo -n "olive tram seventeen harbour" | argon2 corridor-salt-16 -id -t 2 -m 10 -p 1 -l 32 -e
        String reference =
                "$argon2id$v=19$m=1024,t=2,p=1$Y29ycmlkb3Itc2FsdC0xNg$1kZQG5Rj3tEXOOpjS20FB4h0dwgAOfePYPt2+/9HrjA";

        assertThat(hasher.verify("olive tram seventeen harbour", reference)).isTrue();
        assertThat(hasher.verify("olive tram seventeen harbor", reference)).isFalse();
    }
}
