package org.corridor.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What holds for any text at all: the reader never fails, and every span lies inside the text, in order. */
class ClaimReaderLawsTest {
    private static final ClaimReader READER = new ClaimReader(Corpus.places());

    /** Pieces of reports, glued at random: number words, digits of three scripts, marks, units, triggers. */
    private static final List<String> PIECES = List.of(
            "عشرين",
            "ألفا",
            "ألفاً",
            "و",
            "وخمسمئة",
            "مئة",
            "آلاف",
            "اثنا",
            "عشر",
            "خمس",
            "حافلة",
            "حافلتان",
            "سيارتا",
            "إسعاف",
            "نحو",
            "أكثر",
            "من",
            "بين",
            "إلى",
            "تم",
            "إجلاء",
            "سيغادر",
            "قال",
            "إن",
            "منذ",
            "منتصف",
            "الليل",
            "خلال",
            "الساعات",
            "الـ",
            "الماضية",
            "أمس",
            "الأحد",
            "حلب",
            "الفوعة",
            "12",
            "٣٥٠",
            "۱۲",
            "4,500",
            "١٢٬٠٠٠",
            "1.5",
            "٫",
            "٬",
            ",",
            ".",
            "-",
            "/",
            ":",
            "%",
            "،",
            "؟",
            "\n",
            " ",
            "  ",
            "ً",
            "ـ",
            "about",
            "between",
            "and",
            "to",
            "twenty",
            "five",
            "hundred",
            "thousand",
            "a",
            "dozen",
            "half",
            "million",
            "people",
            "buses",
            "said",
            "will",
            "leave",
            "since",
            "midnight",
            "within",
            "days",
            "on",
            "Sunday",
            "Aleppo",
            "al-Rashidin",
            "12th",
            "M5",
            "🚌",
            "\u200F",
            "ﻻ",
            "999999999999999999");

    @Provide
    Arbitrary<String> reports() {
        return Arbitraries.of(PIECES)
                .list()
                .ofMaxSize(40)
                .map(pieces -> String.join(
                        "",
                        pieces.stream()
                                .map(piece -> piece.length() > 1 ? piece + " " : piece)
                                .toList()));
    }

    @Property(tries = 3000)
    void anyText_isReadWithoutFailure_andSpansLieInsideIt(@ForAll("reports") String text) {
        List<Claim> claims = READER.read(text, null, Corpus.REPORT_DATE);

        for (Claim claim : claims) {
            assertThat(claim.span().start()).isBetween(0, claim.span().end() - 1);
            assertThat(claim.span().end()).isLessThanOrEqualTo(text.length());
            assertThat(claim.quantity()).isPositive();
            assertThat(claim.upTo() == 0 || claim.upTo() > claim.quantity()).isTrue();
        }
    }

    @Property(tries = 2000)
    void anyCharacters_areReadWithoutFailure(@ForAll String text) {
        assertThat(READER.read(text, Language.AR, null)).isNotNull();
    }

    @Test
    @Timeout(60)
    void longTextWithoutFullStops_isReadInTimeLinearInItsLength() {
        String text = "وصلت 14 حافلة تقل 700 مدني إلى حلب، ".repeat(20_000);

        assertThat(READER.read(text, Language.AR, Corpus.REPORT_DATE)).hasSize(40_000);
    }
}
