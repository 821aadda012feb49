package org.corridor.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.corridor.core.CorridorException;
import org.corridor.ledger.Ledger;
import org.corridor.service.CorridorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code corridor demo}: loads the demo operation (Aleppo, December 2016) and its observations, then serves. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Load the demo operation (Aleppo, December 2016) and replay its observations, then serve.",
            "Loading again changes nothing. The demo keeps its own store, apart from serve's, unless --db says otherwise."
        },
        footerHeading = "%nExamples:%n",
        footer = {"  corridor demo", "  corridor demo --port 9090"},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.REFUSED_LINE, ExitCodes.USAGE_LINE, ExitCodes.FAILURE_LINE})
final class DemoCommand implements Callable<Integer> {
    static final String DEFINITION = "/demo/aleppo-2016-12.yaml";
    static final String OBSERVATIONS = "/demo/aleppo-2016-12.observations.jsonl";

    private final Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Mixin
    LogKeyOptions logKey;

    @Option(
            names = "--port",
            paramLabel = "P",
            defaultValue = "${env:CORRIDOR_PORT:-8080}",
            description = "The port to listen on, 0 for any free one (env CORRIDOR_PORT). Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--load-only", description = "Load the demo and stop, without serving.")
    boolean loadOnly;

    DemoCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        ServeCommand.checkPort(spec, port);
        StoreOptions.Opened opened = store.open(environment, "demo.db");
        Ledger ledger = opened.ledger();
        CorridorService service = opened.service();
        PrintWriter out = spec.commandLine().getOut();
        Loader loader = new Loader(service, new PrintWriter(PrintWriter.nullWriter()), Progress.none());
        String operationId = loader.define(resource(DEFINITION).readAllBytes(), "application/yaml");
        if (operationId == null) {
            ledger.close();
            throw new CorridorException("the demo operation file is refused: run corridor load on it to see why");
        }
        Loader.Summary summary;
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(resource(OBSERVATIONS), StandardCharsets.UTF_8))) {
            summary = loader.observations(operationId, lines);
        }
        out.println("demo operation " + operationId + " loaded: " + summary);
        DemoAccounts.renewAndPrint(UserCommand.access(opened, environment.clock()), out, port);
        if (loadOnly) {
            ledger.close();
            return summary.allAccepted() ? ExitCodes.OK : ExitCodes.REFUSED;
        }
        return Serving.serve(spec, environment, opened, logKey.open(ledger, opened.keptKey()), "0.0.0.0", port);
    }

    private static InputStream resource(String name) {
        InputStream stream = DemoCommand.class.getResourceAsStream(name);
        if (stream == null) {
            throw new CorridorException("the demo file " + name + " is missing from this build");
        }
        return stream;
    }
}
