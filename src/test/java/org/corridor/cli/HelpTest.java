package org.corridor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpTest {
    @ParameterizedTest
    @ValueSource(
            strings = {"serve", "demo", "load", "tallies", "export", "verify", "migrate", "keygen", "sign", "claims"})
    void help_describesTheCommandWithExamplesAndExitCodes(String command) {
        Cli.Run run = Cli.run(command, "--help");

        assertThat(run.exitCode()).isZero();
        Cli.assertMatchesExpected(run.out(), "help-" + command + ".txt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h"})
    void help_listsTheCommands(String option) {
        Cli.Run run = Cli.run(option);

        assertThat(run.exitCode()).isZero();
        Cli.assertMatchesExpected(run.out(), "help.txt");
    }
}
