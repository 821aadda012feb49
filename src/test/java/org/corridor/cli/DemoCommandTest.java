package org.corridor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path directory;

    @Test
    void demo_loadsEverythingAndAgainChangesNothing() {
        assumeTrue(DemoCommand.class.getResource(DemoCommand.DEFINITION) != null, "the demo files are not here yet");
        String db = "jdbc:sqlite:" + directory.resolve("demo.db");

        Cli.Run first = Cli.run("demo", "--load-only", "--db", db);
        Cli.Run again = Cli.run("demo", "--load-only", "--db", db);

        assertThat(first.exitCode()).as(first.out()).isEqualTo(ExitCodes.OK);
        assertThat(first.out()).contains("demo operation aleppo-2016-12 loaded").doesNotContain(" 0 created");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).contains(" 0 created, ").contains(" 0 conflict, 0 invalid");
    }

    @Test
    void demo_printsFreshCredentialsForOneAccountPerRole_andRevokesTheLastOnes() {
        assumeTrue(DemoCommand.class.getResource(DemoCommand.DEFINITION) != null, "the demo files are not here yet");
        String db = "jdbc:sqlite:" + directory.resolve("demo.db");

        Cli.Run first = Cli.run("demo", "--load-only", "--db", db);
        Cli.Run again = Cli.run("demo", "--load-only", "--db", db);

        for (String role : new String[] {"admin", "coordinator", "monitor", "liaison", "viewer"}) {
            assertThat(first.out())
                    .containsPattern("demo-" + role + " +" + role + " +token crd_\\S{43}  password \\S{20}");
        }
        assertThat(first.out()).contains("Authorization: Bearer crd_").contains("/api/login");
        String coordinatorPassword =
                first.out().replaceAll("(?s).*demo-coordinator +coordinator +token \\S+  password (\\S{20}).*", "$1");
        assertThat(first.out())
                .contains("Open http://localhost:")
                .contains("/ and sign in as demo-coordinator with password " + coordinatorPassword + " ");
        String firstAdminToken = first.out().replaceAll("(?s).*demo-admin +admin +token (crd_\\S{43}).*", "$1");
        assertThat(again.out()).doesNotContain(firstAdminToken);
        Cli.Run listed = Cli.run("user", "list", "--db", db);
        assertThat(listed.out().lines()).hasSize(5).allMatch(line -> line.endsWith("tokens=1"));
    }
}
