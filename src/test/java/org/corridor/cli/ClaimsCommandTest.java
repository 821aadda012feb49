package org.corridor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimsCommandTest {
    private static final String DEMO = "src/main/resources/demo/aleppo-2016-12.yaml";
    private static final String DATE = "2016-12-19T14:00:00+02:00";

    @TempDir
    Path directory;

    @Test
    void claims_arabicReport_printsOneJsonObjectPerFigure() {
        Cli.Run run = Cli.run("claims", "--operation", DEMO, "--date", DATE, "src/test/resources/claims/report-ar.txt");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).isEmpty();
        Cli.assertMatchesExpected(run.out(), "claims-ar.jsonl");
    }

    @Test
    void claims_englishReport_printsTheSameFigures() {
        Cli.Run run = Cli.run(
                "claims",
                "--lang",
                "en",
                "--operation",
                DEMO,
                "--date",
                DATE,
                "src/test/resources/claims/report-en.txt");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        Cli.assertMatchesExpected(run.out(), "claims-en.jsonl");
    }

    @Test
    void claims_withoutDate_giveNoTimes() {
        Cli.Run run = Cli.run("claims", "src/test/resources/claims/report-en.txt");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out())
                .contains("\"quantity\":12000")
                .contains("\"time\":{}")
                .doesNotContain("\"from\"");
    }

    @Test
    void claims_gazetteerTable_namesPlacesByTheirPcodeTable() throws Exception {
        Path table = directory.resolve("cod.csv");
        Files.writeString(
                table,
                "ADM0_EN,ADM1_EN,ADM1_AR,ADM1_PCODE,ADM2_EN,ADM2_AR,ADM2_PCODE\n"
                        + "Syria,Aleppo,حلب,SY02,Jebel Saman,جبل سمعان,SY0200\n"
                        + "Syria,Idleb,إدلب,SY07,Idleb,إدلب,SY0700\n");
        Path report = directory.resolve("report.txt");
        Files.writeString(report, "وصلت ٥١ حافلة إلى ريف حلب.");

        Cli.Run run = Cli.run("claims", "--gazetteer", table.toString(), report.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out().strip())
                .isEqualTo(
                        "{\"quantity\":51,\"approximate\":false,\"unit\":\"buses\",\"event\":\"arrived\","
                                + "\"modality\":\"reported\",\"places\":[\"حلب\"],\"time\":{},\"source\":null,\"span\":[5,13]}");
    }

    @Test
    void claims_badDate_isAUsageErrorNamingIt() {
        Cli.Run run = Cli.run("claims", "--date", "yesterday", "src/test/resources/claims/report-en.txt");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--date: 'yesterday' is not an ISO-8601 time");
    }

    @Test
    void claims_badLanguage_isAUsageErrorNamingIt() {
        Cli.Run run = Cli.run("claims", "--lang", "fr", "src/test/resources/claims/report-en.txt");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--lang: 'fr' must be ar or en");
    }

    @Test
    void claims_missingFile_isAUsageError() {
        Cli.Run run = Cli.run("claims", directory.resolve("none.txt").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("FILE: cannot read the file");
    }

    @Test
    void claims_malformedGazetteer_isRefusedNamingTheFile() throws Exception {
        Path table = directory.resolve("places.csv");
        Files.writeString(table, "name,code\nAleppo,SY02\n");

        Cli.Run run = Cli.run("claims", "--gazetteer", table.toString(), "src/test/resources/claims/report-en.txt");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(run.err()).contains("places.csv").contains("ADM1_EN");
    }
}
