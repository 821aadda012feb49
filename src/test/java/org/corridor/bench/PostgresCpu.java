package org.corridor.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time used so far by the PostgreSQL server on this machine, read from {@code /proc}: every process named
 * {@code postgres} (the postmaster, its backends and workers), with the time of the children each has already
 * reaped, so that a backend that ended within a measured stretch still counts. A benchmark takes the difference over
 * a stretch of work. Unknown (-1) where there is no {@code /proc} or no such process is visible, as when the
 * database runs on another machine.
 */
final class PostgresCpu {
    /** Linux reports process times in clock ticks of 1/100 s on every architecture the JDK runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private PostgresCpu() {}

    static long nanos() {
        long ticks = 0;
        boolean found = false;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                long used = ticksOf(process);
                if (used >= 0) {
                    ticks += used;
                    found = true;
                }
            }
        } catch (IOException | SecurityException e) {
            return -1;
        }
        return found ? ticks * NANOS_PER_TICK : -1;
    }

    /** utime + stime + cutime + cstime of one process when it is PostgreSQL's; -1 otherwise or once it is gone. */
    private static long ticksOf(Path process) {
        try {
            if (!Files.readString(process.resolve("comm")).strip().equals("postgres")) {
                return -1;
            }
            // The fields after the command's closing parenthesis, from field 3 (state): utime is field 14.
            String stat = Files.readString(process.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11])
                    + Long.parseLong(fields[12])
                    + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
