package org.corridor.core;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The UUID form is checked by hand, as the pattern it replaced would. */
class FieldsTest {
    private static final java.util.regex.Pattern UUID_TEXT = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Property(tries = 3000)
    void uuidText_isRecognisedAsThePatternRecognisesIt(@ForAll("uuidLike") String text) {
        assertThat(Fields.isUuid(text))
                .as(text)
                .isEqualTo(UUID_TEXT.matcher(text).matches());
    }

    @Provide
    Arbitrary<String> uuidLike() {
        Arbitrary<String> valid = Arbitraries.create(java.util.UUID::randomUUID).map(java.util.UUID::toString);
        return Arbitraries.oneOf(
                valid,
                valid.map(String::toUpperCase),
                // one character changed, to a hex digit, a near miss or anything
                valid.flatMap(uuid -> Arbitraries.integers().between(0, 35).flatMap(at -> Arbitraries.of(
                                '-', 'g', 'G', '0', 'F', '/', ':', '@', '`', ' ')
                        .map(c -> uuid.substring(0, at) + c + uuid.substring(at + 1)))),
                valid.map(uuid -> uuid + "0"),
                valid.map(uuid -> uuid.substring(1)),
                Arbitraries.strings().ofMaxLength(40));
    }
}
