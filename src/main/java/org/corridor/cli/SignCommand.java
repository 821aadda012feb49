package org.corridor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.Callable;
import org.corridor.core.InvalidInputException;
import org.corridor.core.MalformedInputException;
import org.corridor.integrity.CanonicalizationException;
import org.corridor.integrity.Ed25519;
import org.corridor.integrity.Jcs;
import org.corridor.observation.Signatures;
import org.corridor.persons.PersonsIntake;
import org.corridor.persons.PersonsList;
import org.corridor.service.CorridorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code corridor sign}: signs a file of observations with a monitor's private key. */
@Command(
        name = "sign",
        mixinStandardHelpOptions = true,
        description = {
            "Sign observations (one JSON object a line) with a monitor's private key.",
            "Each gets the Ed25519 signature of its RFC 8785 canonical form without the signature field",
            "(CONTRACT §6), replacing any it had, and is written as one canonical JSON line. A line that cannot",
            "be signed is named with the reason, and then nothing is written."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  corridor sign --key m-un-01.key observations.jsonl --out signed.jsonl",
            "  corridor sign --key m-un-01.key - < observations.jsonl > signed.jsonl",
            "  corridor load operation.yaml signed.jsonl"
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            ExitCodes.OK_LINE,
            "1:a line could not be signed; nothing was written",
            ExitCodes.USAGE_LINE,
            ExitCodes.FAILURE_LINE
        })
final class SignCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--key",
            required = true,
            paramLabel = "FILE",
            description = "The monitor's private key (PEM PKCS#8, as keygen writes it).")
    Path keyFile;

    @Option(names = "--out", paramLabel = "OUT", description = "Where to write the signed lines. Default: the output")
    Path out;

    @Parameters(index = "0", paramLabel = "IN.jsonl|-", description = "The observations; - reads them from the input.")
    String input;

    @Override
    public Integer call() throws IOException {
        Ed25519.KeyPair key = KeyFiles.readMonitorKey(spec.commandLine(), "--key", keyFile);
        // Written aside first, beside OUT so that moving it there is atomic, and delivered only when every line signed.
        Path signed = out == null
                ? Files.createTempFile("corridor-signed", ".partial")
                : Files.createTempFile(out.toAbsolutePath().getParent(), "signed", ".partial");
        try {
            int[] counts;
            try (BufferedReader lines = open();
                    BufferedWriter writer = Files.newBufferedWriter(signed, StandardCharsets.UTF_8)) {
                counts = signAll(lines, writer, key);
            }
            if (counts[1] > 0) {
                spec.commandLine().getErr().println(counts[1] + " line(s) could not be signed; nothing was written");
                return ExitCodes.REFUSED;
            }
            deliver(signed);
            spec.commandLine().getErr().println("signed " + counts[0] + " observations");
            return ExitCodes.OK;
        } finally {
            Files.deleteIfExists(signed);
        }
    }

    private BufferedReader open() throws IOException {
        if (input.equals("-")) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        Path file = Path.of(input);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ParameterException(spec.commandLine(), "IN.jsonl: cannot read the file " + file);
        }
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    /** Signs every line into {@code writer}; the counts of lines signed and refused. */
    private int[] signAll(BufferedReader lines, BufferedWriter writer, Ed25519.KeyPair key) throws IOException {
        int[] counts = new int[2];
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String problem = signLine(line, writer, key);
            if (problem == null) {
                counts[0]++;
            } else {
                counts[1]++;
                spec.commandLine().getErr().println("line " + number + problem);
            }
        }
        return counts;
    }

    /** Writes the signed line; null when done, or what is wrong with the line, starting with its field if any. */
    private static String signLine(String line, BufferedWriter writer, Ed25519.KeyPair key) throws IOException {
        JsonNode observation;
        try {
            observation = CorridorService.parseJson(line.getBytes(StandardCharsets.UTF_8));
        } catch (MalformedInputException e) {
            return ": malformed JSON: "
                    + e.problems().getFirst().message().replaceFirst(" at line 1, column ", " at column ");
        }
        if (!observation.isObject()) {
            return ": each line must hold one observation, a JSON object";
        }
        try {
            // Personal data is not signed: only its digest is, and the persons travel beside the signed observation.
            PersonsIntake.ForSigning ready = PersonsIntake.forSigning((ObjectNode) observation);
            ObjectNode signed = Signatures.sign(ready.observation(), key);
            if (ready.persons() != null) {
                signed.set(PersonsList.FIELD, ready.persons());
            }
            writer.write(new String(Jcs.canonicalize(signed), StandardCharsets.UTF_8));
            writer.newLine();
            return null;
        } catch (InvalidInputException e) {
            return ", field " + e.problems().getFirst().field() + ": "
                    + e.problems().getFirst().message();
        } catch (CanonicalizationException e) {
            return ", field " + fieldWithoutCanonicalForm(observation) + ": has no canonical JSON form ("
                    + e.getMessage() + ")";
        }
    }

    private static String fieldWithoutCanonicalForm(JsonNode observation) {
        for (Map.Entry<String, JsonNode> member : observation.properties()) {
            try {
                Jcs.canonicalize(member.getValue());
                Jcs.canonicalize(JsonNodeFactory.instance.textNode(member.getKey()));
            } catch (CanonicalizationException e) {
                return member.getKey();
            }
        }
        return "(a name)";
    }

    private void deliver(Path signed) throws IOException {
        if (out != null) {
            Files.move(signed, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        PrintWriter output = spec.commandLine().getOut();
        try (BufferedReader lines = Files.newBufferedReader(signed, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.println(line);
            }
        }
        output.flush();
    }
}
