package org.corridor.cli;

import java.io.PrintStream;

/** A progress bar on a terminal's standard error for long loads; silent when not on a terminal. */
final class Progress {
    private static final long WORTH_SHOWING = 1_000_000L;

    private final PrintStream terminal;
    private final long total;
    private long done;
    private int shownPercent = -1;

    private Progress(PrintStream terminal, long total) {
        this.terminal = terminal;
        this.total = total;
    }

    /** A bar for {@code totalBytes}, shown only when standard error is a terminal and the input is big. */
    static Progress forBytes(long totalBytes) {
        boolean show = System.console() != null && totalBytes >= WORTH_SHOWING;
        return new Progress(show ? System.err : null, totalBytes);
    }

    /** A bar for {@code total} items, shown only when standard error is a terminal and there are many. */
    static Progress forItems(long total) {
        boolean show = System.console() != null && total >= 10_000;
        return new Progress(show ? System.err : null, Math.max(1, total));
    }

    static Progress none() {
        return new Progress(null, 0);
    }

    void advance(long bytes) {
        done += bytes;
        if (terminal == null) {
            return;
        }
        int percent = (int) Math.min(100, done * 100 / total);
        if (percent != shownPercent) {
            shownPercent = percent;
            String bar = "#".repeat(percent / 5) + " ".repeat(20 - percent / 5);
            terminal.print("\r[" + bar + "] " + percent + "%");
            terminal.flush();
        }
    }

    void done() {
        if (terminal != null) {
            terminal.print("\r" + " ".repeat(30) + "\r");
            terminal.flush();
        }
    }
}
