package org.corridor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.corridor.bundle.BundleVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code corridor verify}: checks a bundle offline and says what it checked. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Check a bundle made by corridor export, offline: the checkpoint's signature, every observation's"
                    + " canonical form and signature, and the root recomputed from every observation.",
            "Prints each check as it passes; stops at the first failure and names the file, line and id."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  corridor verify aleppo-2016-12.zip",
            "  curl -s https://corridor.example/api/log/key > server.vkey",
            "  corridor verify aleppo-2016-12.zip --key server.vkey"
        },
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {
            "0:every check passed",
            "1:a check failed; the failure is named",
            ExitCodes.USAGE_LINE,
            ExitCodes.FAILURE_LINE
        })
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The bundle (a zip).")
    Path bundle;

    @Option(
            names = "--key",
            paramLabel = "VKEY",
            description = {
                "The server's verifier key (name+id+base64, or a file holding it) as you got it from the server.",
                "Default: the key in the bundle, which proves only that the bundle is consistent with itself"
            })
    String key;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(bundle)) {
            throw new ParameterException(spec.commandLine(), "FILE: no bundle at " + bundle);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("verifying " + bundle);
        try {
            new BundleVerifier(line -> {
                        out.println("  ok  " + line);
                        out.flush();
                    })
                    .verify(bundle, trustedKey());
        } catch (BundleVerifier.Failed failed) {
            out.println("FAILED  " + failed.getMessage());
            return ExitCodes.REFUSED;
        }
        out.println("verified: every check passed");
        return ExitCodes.OK;
    }

    private String trustedKey() {
        if (key == null) {
            return null;
        }
        Path file = Path.of(key);
        if (!key.contains("+") || Files.isRegularFile(file)) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "--key: cannot read " + key + " (" + e + ")");
            }
        }
        return key;
    }
}
