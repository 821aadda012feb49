package org.corridor.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.corridor.service.CorridorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code corridor load}: stores a definition and a file of observations, printing what happened to each line. */
@Command(
        name = "load",
        mixinStandardHelpOptions = true,
        description = {
            "Store an operation definition (YAML or JSON) and, optionally, observations (one JSON object a line).",
            "Prints one result per observation line (created, duplicate, conflict, invalid) and a summary.",
            "A refused definition is printed problem by problem, and nothing is stored."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  corridor load aleppo-2016-12.yaml",
            "  corridor load aleppo-2016-12.yaml observations.jsonl",
            "  corridor load operation.json --db jdbc:sqlite:/srv/corridor/corridor.db"
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.REFUSED_LINE, ExitCodes.USAGE_LINE, ExitCodes.FAILURE_LINE})
final class LoadCommand implements Callable<Integer> {
    private final Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "OPERATION_FILE", description = "The operation definition, YAML or JSON.")
    Path operationFile;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "OBSERVATIONS.jsonl",
            description = "Observations, one JSON object a line.")
    Path observationsFile;

    LoadCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        checkReadable(operationFile, "OPERATION_FILE");
        if (observationsFile != null) {
            checkReadable(observationsFile, "OBSERVATIONS.jsonl");
        }
        try (StoreOptions.Opened opened = store.open(environment, "corridor.db")) {
            CorridorService service = opened.service();
            Progress progress =
                    observationsFile == null ? Progress.none() : Progress.forBytes(Files.size(observationsFile));
            Loader loader = new Loader(service, spec.commandLine().getOut(), progress);
            String operationId = loader.define(Files.readAllBytes(operationFile), contentType(operationFile));
            if (operationId == null) {
                return ExitCodes.REFUSED;
            }
            if (observationsFile == null) {
                return ExitCodes.OK;
            }
            boolean allAccepted;
            try (BufferedReader lines = Files.newBufferedReader(observationsFile, StandardCharsets.UTF_8)) {
                allAccepted = loader.observations(operationId, lines).allAccepted();
            }
            // A big load is followed by a server start: let that start read a snapshot, not replay the load.
            service.saveSnapshots();
            return allAccepted ? ExitCodes.OK : ExitCodes.REFUSED;
        }
    }

    private void checkReadable(Path file, String name) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ParameterException(spec.commandLine(), name + ": cannot read the file " + file);
        }
    }

    /** The media type a file's extension names, or null to tell JSON from YAML by the first character. */
    static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return "application/json";
        }
        return name.endsWith(".yaml") || name.endsWith(".yml") ? "application/yaml" : null;
    }
}
