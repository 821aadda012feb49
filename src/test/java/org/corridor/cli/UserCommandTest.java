package org.corridor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserCommandTest {
    @TempDir
    Path directory;

    private Cli.Run user(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "user";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--db";
        all[args.length + 2] = "jdbc:sqlite:" + directory.resolve("corridor.db");
        return Cli.run(all);
    }

    @Test
    void add_printsATokenOnce_listShowsTheAccountWithoutIt_revokeMarksIt() {
        Cli.Run added = user("add", "m-un-01", "--role", "monitor", "--operations", "aleppo-2016-12");
        assertThat(added.exitCode()).as(added.err()).isEqualTo(ExitCodes.OK);
        assertThat(added.out()).contains("account m-un-01 (monitor) added").containsPattern("token .*: crd_\\S{43}");
        String token = added.out().replaceAll("(?s).*(crd_\\S{43}).*", "$1");

        Cli.Run listed = user("list");
        assertThat(listed.out())
                .contains("m-un-01\tmonitor\toperations=aleppo-2016-12")
                .contains("tokens=1")
                .doesNotContain(token);

        assertThat(user("revoke", "m-un-01").exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(user("list").out()).contains("\trevoked ").contains("tokens=0");
    }

    @Test
    void add_refusesAMonitorWithoutOperations_namingTheField() {
        Cli.Run run = user("add", "m1", "--role", "monitor");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(run.err()).contains("operations: a monitor must be assigned the operations it reports on");
        assertThat(user("list").out()).isEmpty();
    }

    @Test
    void revoke_unknownAccount_isRefused() {
        Cli.Run run = user("revoke", "nobody");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(run.err()).contains("there is no account 'nobody'");
    }
}
