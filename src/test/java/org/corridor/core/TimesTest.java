package org.corridor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Times are read as the JDK's ISO_OFFSET_DATE_TIME reads them, by the short way or the general one. */
class TimesTest {

    /**
     * Whatever the short way accepts it reads to the same value as the JDK's formatter, and what it refuses as
     * impossible the formatter refuses too; near-misses of its form are left to the formatter.
     */
    @Property(tries = 5000)
    void theShortWay_readsExactlyAsTheFormatter(@ForAll("times") String text) {
        OffsetDateTime expected;
        try {
            expected = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeException e) {
            expected = null;
        }
        OffsetDateTime quick;
        try {
            quick = Times.parseCommon(text);
        } catch (DateTimeException e) {
            assertThat(expected).as("the formatter reads %s", text).isNull();
            return;
        }
        if (quick != null) {
            assertThat(quick).as(text).isEqualTo(expected);
            assertThat(quick.getOffset()).isEqualTo(expected.getOffset());
        }
    }

    @Test
    void theUsualForms_takeTheShortWay() {
        assertThat(Times.parseCommon("2016-12-19T08:10:00+02:00"))
                .isEqualTo(OffsetDateTime.parse("2016-12-19T08:10:00+02:00"));
        assertThat(Times.parseCommon("2016-12-19T06:10:00.5Z"))
                .isEqualTo(OffsetDateTime.parse("2016-12-19T06:10:00.5Z"));
        assertThat(Times.parseCommon("2016-12-19T06:10:00.123456789-05:30"))
                .isEqualTo(OffsetDateTime.parse("2016-12-19T06:10:00.123456789-05:30"));
    }

    @Test
    void otherFormsTheFormatterTakes_areStillTaken() {
        assertThat(Times.parse("2016-12-19T08:10+02:00")).isEqualTo(OffsetDateTime.parse("2016-12-19T08:10+02:00"));
        assertThat(Times.parse("2016-12-19t08:10:00z")).isEqualTo(OffsetDateTime.parse("2016-12-19T08:10:00Z"));
        assertThatThrownBy(() -> Times.parse("2016-02-30T08:10:00Z")).hasMessage(Times.FORMAT);
        assertThatThrownBy(() -> Times.parse("2016-12-19T24:00:00Z")).hasMessage(Times.FORMAT);
        assertThatThrownBy(() -> Times.parse("2016-12-19T08:10:00+19:00")).hasMessage(Times.FORMAT);
        assertThatThrownBy(() -> Times.parse("1899-12-31T23:59:59Z")).hasMessage(Times.RANGE);
    }

    @Provide
    Arbitrary<String> times() {
        Arbitrary<String> year = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 9999).map(y -> "%04d".formatted(y)),
                Arbitraries.of("+2016", "201", "2O16"));
        Arbitrary<String> twoDigits = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 99).map(n -> "%02d".formatted(n)), Arbitraries.of("1", "0x", "001"));
        Arbitrary<String> small =
                Arbitraries.oneOf(Arbitraries.integers().between(0, 31).map(n -> "%02d".formatted(n)), twoDigits);
        Arbitrary<String> fraction = Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(11).map(digits -> "." + digits));
        Arbitrary<String> offset = Arbitraries.oneOf(
                Arbitraries.of("Z", "z", "", "+00:00", "-00:00", "+18:00", "-18:00", "+0200", "+02", "+02:00:00"),
                Combinators.combine(Arbitraries.of("+", "-"), twoDigits, twoDigits)
                        .as((s, h, m) -> s + h + ":" + m));
        Arbitrary<String> separator = Arbitraries.of("T", "T", "T", "t", " ");
        return Combinators.combine(year, small, small, separator, small, twoDigits, twoDigits, fraction)
                .flatAs((y, mo, d, t, h, mi, s, f) ->
                        offset.map(o -> y + "-" + mo + "-" + d + t + h + ":" + mi + ":" + s + f + o));
    }
}
