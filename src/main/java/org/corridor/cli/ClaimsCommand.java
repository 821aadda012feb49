package org.corridor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.corridor.claims.Claim;
import org.corridor.claims.ClaimJson;
import org.corridor.claims.ClaimReader;
import org.corridor.claims.Language;
import org.corridor.claims.Place;
import org.corridor.core.Times;
import org.corridor.operation.Operation;
import org.corridor.operation.OperationReader;
import org.corridor.operation.Site;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code corridor claims}: prints the figures a report claims, one JSON object a line (CONTRACT §7). */
@Command(
        name = "claims",
        mixinStandardHelpOptions = true,
        description = {
            "Print every figure a report claims (CONTRACT §7), one JSON object a line.",
            "The report is plain text, Arabic or English. Each figure comes with what it counts, what happened or is"
                    + " to happen, where, when, according to whom, and where it stands in the text (span: [start,"
                    + " end) in UTF-16 units)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  corridor claims report.txt --date 2016-12-19T14:00:00+02:00",
            "  corridor claims --lang ar --operation aleppo-2016-12.yaml report-ar.txt",
            "  cat report.txt | corridor claims --gazetteer ../shared/data/syria-admin/ -"
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.REFUSED_LINE, ExitCodes.USAGE_LINE, ExitCodes.FAILURE_LINE})
final class ClaimsCommand implements Callable<Integer> {
    private static final JsonMapper JSON = new JsonMapper();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The report, UTF-8 plain text; - reads standard input.")
    String file;

    @Option(
            names = "--lang",
            paramLabel = "ar|en",
            description = "The report's language, in which places are named. Default: told from the text")
    String language;

    @Option(
            names = "--date",
            paramLabel = "T",
            description = "When the report was published (ISO-8601 with an offset); \"since midnight\","
                    + " \"yesterday\", \"within three days\" are resolved against it. Default: none, and claims"
                    + " carry no time")
    String date;

    @Option(
            names = "--operation",
            paramLabel = "OPERATION_FILE",
            description = "An operation whose sites (names and aliases) are the places to find; its time zone says"
                    + " when a day begins.")
    Path operationFile;

    @Mixin
    GazetteerOptions gazetteer;

    @Override
    public Integer call() throws JsonProcessingException {
        Language reportLanguage = language();
        Operation operation = operation();
        ZonedDateTime reportDate = reportDate(operation);
        ClaimReader reader = new ClaimReader(places(operation));
        List<Claim> claims = reader.read(report(), reportLanguage, reportDate);
        for (Claim claim : claims) {
            spec.commandLine().getOut().println(JSON.writeValueAsString(ClaimJson.toJson(claim)));
        }
        return ExitCodes.OK;
    }

    private Language language() {
        try {
            return language == null ? null : Language.of(language);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--lang: '" + language + "' " + e.getMessage());
        }
    }

    private ZonedDateTime reportDate(Operation operation) {
        if (date == null) {
            return null;
        }
        try {
            ZonedDateTime moment = Times.parse(date).toZonedDateTime();
            return operation == null ? moment : moment.withZoneSameInstant(operation.timezone());
        } catch (IllegalArgumentException e) {
            String reason = e.getMessage().equals(Times.FORMAT)
                    ? "is not an ISO-8601 time with an offset, such as 2016-12-19T14:00:00+02:00"
                    : e.getMessage();
            throw new ParameterException(spec.commandLine(), "--date: '" + date + "' " + reason);
        }
    }

    private Operation operation() {
        return operationFile == null ? null : OperationReader.read(readAll(operationFile, "--operation"));
    }

    private List<Place> places(Operation operation) {
        List<Place> places = new ArrayList<>();
        if (operation != null) {
            for (Site site : operation.sites()) {
                places.add(Place.of(site));
            }
        }
        places.addAll(gazetteer.places());
        return places;
    }

    private String report() {
        if (file.equals("-")) {
            try {
                return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new String(readAll(Path.of(file), "FILE"), StandardCharsets.UTF_8);
    }

    private byte[] readAll(Path path, String name) {
        readable(path, name);
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), name + ": cannot read the file " + path);
        }
    }

    private void readable(Path path, String name) {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new ParameterException(spec.commandLine(), name + ": cannot read the file " + path);
        }
    }
}
