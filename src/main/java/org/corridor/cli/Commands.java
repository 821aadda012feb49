package org.corridor.cli;

import java.io.PrintWriter;
import org.corridor.core.ConflictException;
import org.corridor.core.CorridorException;
import org.corridor.core.InvalidInputException;
import org.corridor.core.MalformedInputException;
import org.corridor.core.NotFoundException;
import org.corridor.core.StorageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line's table of contents: every command, and how failures become messages and exit codes. */
@Command(
        name = "corridor",
        mixinStandardHelpOptions = true,
        version = "corridor 0.1.0",
        description = "Coordination and independent verification of humanitarian evacuations.",
        synopsisSubcommandLabel = "COMMAND",
        footerHeading = "%nExamples:%n",
        footer = {
            "  corridor demo",
            "  corridor serve --port 8080 --db jdbc:sqlite:./data/corridor.db",
            "  corridor load operation.yaml observations.jsonl",
            "  corridor tallies aleppo-2016-12",
            "  corridor user add m-un-01 --role monitor --operations aleppo-2016-12"
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.REFUSED_LINE, ExitCodes.USAGE_LINE, ExitCodes.FAILURE_LINE})
public final class Commands implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private Commands() {}

    /** The command line with every command, writing to {@code out} and {@code err}. */
    public static CommandLine commandLine(Environment environment, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Commands())
                .addSubcommand(new ServeCommand(environment))
                .addSubcommand(new DemoCommand(environment))
                .addSubcommand(new LoadCommand(environment))
                .addSubcommand(new TalliesCommand(environment))
                .addSubcommand(new ExportCommand(environment))
                .addSubcommand(new VerifyCommand())
                .addSubcommand(new MigrateCommand(environment))
                .addSubcommand("user", UserCommand.commandLine(environment))
                .addSubcommand(new KeygenCommand())
                .addSubcommand(new SignCommand())
                .addSubcommand(new ClaimsCommand())
                .setOut(out)
                .setErr(err)
                .setUsageHelpWidth(100)
                .setExecutionExceptionHandler(Commands::failed);
        return commandLine;
    }

    /** With no command: the list of commands. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int failed(Exception failure, CommandLine commandLine, CommandLine.ParseResult parsed) {
        commandLine.getErr().println("error: " + describe(failure));
        return switch (failure) {
            case InvalidInputException e -> ExitCodes.REFUSED;
            case MalformedInputException e -> ExitCodes.REFUSED;
            case ConflictException e -> ExitCodes.REFUSED;
            case NotFoundException e -> ExitCodes.REFUSED;
            default -> ExitCodes.FAILURE;
        };
    }

    private static String describe(Exception failure) {
        return switch (failure) {
            case StorageException e -> "the store failed (" + e.getMessage() + "); nothing half-done was kept: retry";
            case CorridorException e -> e.getMessage();
            default -> failure.toString();
        };
    }
}
