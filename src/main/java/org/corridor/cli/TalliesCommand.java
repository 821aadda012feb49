package org.corridor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.corridor.core.NotFoundException;
import org.corridor.core.Times;
import org.corridor.service.CorridorService;
import org.corridor.service.OperationSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code corridor tallies}: prints an operation's tallies as JSON. */
@Command(
        name = "tallies",
        mixinStandardHelpOptions = true,
        description = "Print an operation's tallies (CONTRACT §3) as JSON, now or as of a moment.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  corridor tallies aleppo-2016-12",
            "  corridor tallies aleppo-2016-12 --as-of 2016-12-19T08:00:00+02:00"
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.REFUSED_LINE, ExitCodes.USAGE_LINE, ExitCodes.FAILURE_LINE})
final class TalliesCommand implements Callable<Integer> {
    private final Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "OP", description = "The operation's id.")
    String operationId;

    @Option(
            names = "--as-of",
            paramLabel = "T",
            description = "Count only observations up to this time (ISO-8601 with an offset). Default: now")
    String asOf;

    TalliesCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        Instant moment = moment();
        try (StoreOptions.Opened opened = store.open(environment, "corridor.db")) {
            CorridorService service = opened.service();
            if (!service.exists(operationId)) {
                throw new NotFoundException(unknown(service));
            }
            var tallies = service.tallies(operationId, moment);
            String text = JsonMapper.builder()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .build()
                    .writeValueAsString(tallies);
            spec.commandLine().getOut().println(text);
            return ExitCodes.OK;
        }
    }

    /** Says which operations the store does hold, since the likely mistake is the id or the --db. */
    private String unknown(CorridorService service) {
        String held = String.join(
                ", ", service.operations().stream().map(OperationSummary::id).toList());
        return "there is no operation '" + operationId + "' in this store; "
                + (held.isEmpty()
                        ? "it holds none: define one with corridor load OPERATION_FILE, or name another store with --db"
                        : "it holds " + held + " (another store is named with --db)");
    }

    private Instant moment() {
        if (asOf == null) {
            return null;
        }
        try {
            return Times.parse(asOf).toInstant();
        } catch (IllegalArgumentException e) {
            String reason = e.getMessage().equals(Times.FORMAT)
                    ? "is not an ISO-8601 time with an offset, such as" + " 2016-12-19T08:00:00+02:00"
                    : e.getMessage();
            throw new ParameterException(spec.commandLine(), "--as-of: '" + asOf + "' " + reason);
        }
    }
}
