package org.corridor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code corridor serve}: the HTTP server over the store. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Run the Corridor server: the HTTP API over the store, with live tallies.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  corridor serve",
            "  corridor serve --port 9090 --db jdbc:sqlite:/srv/corridor/corridor.db",
            "  CORRIDOR_DB='jdbc:postgresql://db.example:5432/corridor?user=corridor&password=...' corridor serve",
            "  CORRIDOR_PORT=9090 corridor serve"
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.USAGE_LINE, ExitCodes.FAILURE_LINE})
final class ServeCommand implements Callable<Integer> {
    private final Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Mixin
    LogKeyOptions logKey;

    @Mixin
    GazetteerOptions gazetteer;

    @Option(
            names = "--port",
            paramLabel = "P",
            defaultValue = "${env:CORRIDOR_PORT:-8080}",
            description = "The port to listen on, 0 for any free one (env CORRIDOR_PORT). Default: ${DEFAULT-VALUE}")
    int port;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            defaultValue = "0.0.0.0",
            description = "The address to listen on. Default: ${DEFAULT-VALUE} (every interface)")
    String host;

    ServeCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        checkPort(spec, port);
        StoreOptions.Opened opened = store.open(environment, "corridor.db");
        opened.service().useGazetteer(gazetteer.places());
        return Serving.serve(spec, environment, opened, logKey.open(opened.ledger(), opened.keptKey()), host, port);
    }

    static void checkPort(CommandSpec spec, int port) {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port: " + port + " is not a port (0 to 65535)");
        }
    }
}
