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
            "Loading again changes nothing. The demo keeps its own store, apart from serve's, unless --db says otherwise.",
            "Then open http://localhost:8080/ and sign in as demo-coordinator with the password it prints."
        },
        footerHeading = "%nExamples:%n",
        footer = {"  corridor demo", "  corridor demo --port 9090"},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.REFUSED_LINE, ExitCodes.USAGE_LINE, ExitCodes.FAILURE_LINE})
final class DemoCommand implements Callable<Integer> {
    static final String DEFINITION = "/demo/aleppo-2016-12.yaml";
    static final String OBSERVATIONS = "/demo/aleppo-2016-12.observations.jsonl";
    static final String REPORT = "/demo/report-";

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
        service.useGazetteer(gazetteer.places());
        loadReports(service, operationId);
        DemoAccounts.renewAndPrint(UserCommand.access(opened, environment.clock()), out, port);
        if (loadOnly) {
            ledger.close();
            return summary.allAccepted() ? ExitCodes.OK : ExitCodes.REFUSED;
        }
        return Serving.serve(spec, environment, opened, logKey.open(ledger, opened.keptKey()), "0.0.0.0", port);
    }

    /**
     * The demo's two reports (our own paraphrase of how the press reported the day, in English and Arabic), once:
     * their claims are set beside the verified figures at {@code GET /api/operations/OP/claims}.
     */
    private static void loadReports(CorridorService service, String operationId) throws IOException {
        if (!service.reports(operationId).isEmpty()) {
            return;
        }
        org.corridor.service.ClaimsDesk desk = new org.corridor.service.ClaimsDesk(service);
        for (String language : new String[] {"en", "ar"}) {
            com.fasterxml.jackson.databind.node.ObjectNode report =
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            report.put("text", new String(resource(REPORT + language + ".txt").readAllBytes(), StandardCharsets.UTF_8));
            report.put("language", language);
            report.putObject("source").put("name", "Demo wire report (Corridor's own paraphrase)");
            report.put("publishedAt", "2016-12-19T14:00:00+02:00");
            desk.submit(operationId, report);
        }
    }

    private static InputStream resource(String name) {
        InputStream stream = DemoCommand.class.getResourceAsStream(name);
        if (stream == null) {
            throw new CorridorException("the demo file " + name + " is missing from this build");
        }
        return stream;
    }
}
