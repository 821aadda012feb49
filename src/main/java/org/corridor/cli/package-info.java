/** The command line of CONTRACT §5: one class per command, exit codes that mean something. */
package org.corridor.cli;
