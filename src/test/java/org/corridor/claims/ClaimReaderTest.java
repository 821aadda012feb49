package org.corridor.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimReaderTest {
    private static final ClaimReader READER = new ClaimReader(Corpus.places());

    private static List<Claim> read(String text) {
        return READER.read(text, null, Corpus.REPORT_DATE);
    }

    private static String phrase(String text, Claim claim) {
        return text.substring(claim.span().start(), claim.span().end());
    }

    @Test
    void span_coversQualifierNumberAndNoun_inUtf16Units() {
        String text = "🚌 Turkey said about 12,000 civilians had left.";

        Claim claim = read(text).get(0);

        assertThat(phrase(text, claim)).isEqualTo("about 12,000 civilians");
    }

    @Test
    void span_pointsIntoTheOriginalArabic_throughDiacriticsTatweelAndJoinedConjunction() {
        String text = "قالت المصادر إنه تمّ إجلاءُ نحوَ عشـرينَ ألفاً مِنَ المدنيّين، وخمسةٍ وعشرين جريحاً.";

        List<Claim> claims = read(text);

        assertThat(claims).extracting(Claim::quantity).containsExactly(20000L, 25L);
        assertThat(phrase(text, claims.get(0))).isEqualTo("نحوَ عشـرينَ ألفاً مِنَ المدنيّين");
        assertThat(phrase(text, claims.get(1))).isEqualTo("خمسةٍ وعشرين جريحاً");
    }

    @Test
    void presentationFormsAndPersianDigits_areRead() {
        List<Claim> claims = read("وصلت ﺧﻤﺴﺔ حافلات و۱۲ سيارة إسعاف إلى جبرين.");

        assertThat(claims).extracting(Claim::quantity).containsExactly(5L, 12L);
        assertThat(claims).extracting(Claim::unit).containsExactly(Unit.BUSES, Unit.AMBULANCES);
    }

    @Test
    void notFigures_areLeftOut() {
        String text = "At 10:30 on 19 December 2016, resolution 2328 passed; 40% of the 12th convoy's "
                + "passengers waited three days, and dozens more fled.";

        assertThat(read(text)).isEmpty();
    }

    @Test
    void weakWords_countOnlyBeforeAPluralTheyCount() {
        assertThat(read("غادر خمس سكان الحي.")).isEmpty();
        assertThat(read("غادرت خمس حافلات الحي.")).extracting(Claim::quantity).containsExactly(5L);
    }

    @Test
    void dualNoun_aloneCountsTwo() {
        Claim claim = read("خرجت من كفريا حافلتان.").get(0);

        assertThat(claim.quantity()).isEqualTo(2);
        assertThat(claim.unit()).isEqualTo(Unit.BUSES);
        assertThat(claim.event()).isEqualTo(Event.DEPARTED);
    }

    @Test
    void future_isPlanned_pastIsReported() {
        assertThat(read("سيغادر 300 مقاتل غدا.").get(0).modality()).isEqualTo(Modality.PLANNED);
        assertThat(read("غادر 300 مقاتل أمس.").get(0).modality()).isEqualTo(Modality.REPORTED);
        assertThat(read("300 fighters are to leave tomorrow.").get(0).modality())
                .isEqualTo(Modality.PLANNED);
        assertThat(read("300 fighters left yesterday.").get(0).modality()).isEqualTo(Modality.REPORTED);
    }

    @Test
    void source_isTheSubjectOfTheReportingVerb_onEitherSide() {
        assertThat(read("Some 2,000 people left, the ICRC said.").get(0).source())
                .isEqualTo("the ICRC");
        assertThat(read("وقال مسؤول في الهلال الأحمر إن 300 شخص غادروا.").get(0).source())
                .isEqualTo("مسؤول في الهلال الأحمر");
        assertThat(read("Some 2,000 people left.").get(0).source()).isNull();
    }

    @Test
    void time_isResolvedAgainstTheReportDate_andLeftOpenWithoutOne() {
        Claim planned = read("4,000 people will leave within three days.").get(0);
        Claim undated = READER.read("4,000 people will leave within three days.", Language.EN, null)
                .get(0);

        assertThat(planned.time().from()).isEqualTo(Corpus.REPORT_DATE.toOffsetDateTime());
        assertThat(planned.time().to()).isEqualTo(Corpus.REPORT_DATE.plusDays(3).toOffsetDateTime());
        assertThat(undated.time()).isEqualTo(TimeRange.NONE);
    }

    @Test
    void places_areNamedInTheReportsLanguage() {
        Claim arabic = READER.read("وصلت 14 حافلة إلى حلب.", Language.AR, null).get(0);
        Claim english = READER.read("وصلت 14 حافلة إلى حلب.", Language.EN, null).get(0);

        assertThat(arabic.places()).extracting(Claim.PlaceMention::name).containsExactly("حلب");
        assertThat(english.places()).extracting(Claim.PlaceMention::name).containsExactly("Aleppo");
        assertThat(english.places()).extracting(Claim.PlaceMention::id).containsExactly("aleppo");
    }

    @Test
    void nounThatIsNoUnit_makesNoClaim() {
        assertThat(read("Twenty tonnes of flour and 15 doctors arrived.")).isEmpty();
    }

    @Test
    void twoTowns_andOtherMeaningsOfNumberWords_areNoFigures() {
        assertThat(read("خرج المدنيون من بلدتي الفوعة وكفريا.")).isEmpty();
        assertThat(read("قالت ست الحسن إن ثلث السكان غادروا.")).isEmpty();
        assertThat(read("وصلت ست حافلات إلى جبرين."))
                .extracting(Claim::quantity)
                .containsExactly(6L);
    }
}
