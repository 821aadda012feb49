package org.corridor.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.corridor.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class GazetteerTest {
    /** The Syrian administrative divisions shared beside the project, read in place and never copied into it. */
    private static final Path SYRIA = Path.of("../shared/data/syria-admin");

    @Test
    void codTable_givesEveryLevelOnceByItsPcode_withQuotedFieldsAndAlternateNames() {
        String csv = "ADM0_EN,ADM1_EN,ADM1_AR,ADM1_PCODE,ADM2_EN,ADM2_AR,ADM2_PCODE,ADM2ALT1_EN\r\n"
                + "Syria,Aleppo,حلب,SY02,Jebel Saman,جبل سمعان,SY0200,\"Mount Simeon, Jabal Sam'an\"\r\n"
                + "Syria,Aleppo,حلب,SY02,Al Bab,الباب,SY0201,\r\n";

        List<Place> places = Gazetteer.readCsv(new StringReader(csv), "cod.csv");

        assertThat(places).extracting(Place::id).containsExactly("SY02", "SY0200", "SY0201");
        assertThat(places.get(1).aliases()).containsExactly("Mount Simeon, Jabal Sam'an");
    }

    @Test
    void hdxColumnNames_areReadToo() {
        String csv = "admin1Name_en,admin1Name_ar,admin1Pcode\nIdleb,إدلب,SY07\n";

        assertThat(Gazetteer.readCsv(new StringReader(csv), "hdx.csv"))
                .extracting(place -> place.name().ar())
                .containsExactly("إدلب");
    }

    @Test
    void tableWithoutCodColumns_isRefusedNamingTheFile() {
        assertThatThrownBy(() -> Gazetteer.readCsv(new StringReader("name,code\nAleppo,SY02\n"), "places.csv"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("places.csv");
    }

    @Test
    void syrianDivisions_nameGovernoratesAndDistrictsInReports() throws IOException {
        assumeTrue(
                Files.isDirectory(SYRIA),
                "skipped: ../shared/data/syria-admin/ is not beside the checkout (looked in " + SYRIA.toAbsolutePath()
                        + ")");
        List<Place> places = new ArrayList<>();
        for (String file : List.of("governorates.json", "districts.json", "subdistricts.json")) {
            try (InputStream in = Files.newInputStream(SYRIA.resolve(file))) {
                places.addAll(Gazetteer.readJson(in, file));
            }
        }
        ClaimReader reader = new ClaimReader(places);

        Claim arabic = reader.read("وصل 300 نازح إلى ريف إدلب قادمين من محافظة حلب.", Language.AR, null)
                .get(0);
        Claim english = reader.read("300 displaced people reached Idleb from Aleppo.", Language.EN, null)
                .get(0);

        assertThat(places).hasSizeGreaterThan(300);
        assertThat(arabic.places()).extracting(Claim.PlaceMention::id).containsExactly("SY07", "SY02");
        assertThat(english.places()).extracting(Claim.PlaceMention::name).containsExactly("Idlib", "Aleppo");
    }
}
