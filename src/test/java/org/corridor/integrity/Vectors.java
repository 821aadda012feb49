package org.corridor.integrity;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/** The published test vectors, read in place from {@code ../shared/vectors} beside the checkout (there on CI). */
final class Vectors {
    static final Path ROOT = Path.of("..", "shared", "vectors");

    private Vectors() {}

    static boolean present(Path folder) {
        return Files.isDirectory(folder);
    }

    /** One skipped test saying where the vectors were looked for, so a clone without them reports the skip. */
    static Stream<DynamicTest> skipped(Path folder) {
        String message = "the vectors are not beside this checkout at "
                + folder.toAbsolutePath().normalize() + "; skipping them (CI has them in ../shared/vectors)";
        return Stream.of(DynamicTest.dynamicTest("vectors absent: " + folder, () -> assumeTrue(false, message)));
    }
}
