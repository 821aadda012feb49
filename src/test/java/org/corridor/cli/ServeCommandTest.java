package org.corridor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    @TempDir
    Path directory;

    @Test
    void serve_portInUse_isAUsageErrorSuggestingAnotherPort() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();

            Cli.Run run = Cli.run(
                    "serve",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    Integer.toString(port),
                    "--db",
                    "jdbc:sqlite:" + directory.resolve("corridor.db"));

            assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err())
                    .contains("--port: 127.0.0.1:" + port + " is in use or not available here; choose another with"
                            + " --port (for example --port " + (port + 1) + "), or --port 0 for any free one");
        }
    }
}
