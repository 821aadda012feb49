package org.corridor.cli;

/** What a command's exit code means; the same for every command, listed in every command's help. */
public final class ExitCodes {
    /** Everything asked for was done. */
    public static final int OK = 0;
    /** An input was refused (an invalid definition or observation, a conflict, an unknown operation). */
    public static final int REFUSED = 1;
    /** The command was used wrongly: a bad option, a missing file, a setting out of range. */
    public static final int USAGE = 2;
    /** The store or the server failed; nothing half-done was kept, so the command can be retried. */
    public static final int FAILURE = 3;

    static final String HEADING = "%nExit codes:%n";
    static final String OK_LINE = "0:done";
    static final String REFUSED_LINE = "1:an input was refused (invalid, conflicting or unknown)";
    static final String USAGE_LINE = "2:usage error: a bad option or setting, a missing file";
    static final String FAILURE_LINE = "3:the store or the server failed; retry";

    private ExitCodes() {}
}
