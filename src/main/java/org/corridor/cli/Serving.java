package org.corridor.cli;

import java.io.PrintWriter;
import java.net.BindException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.corridor.access.Access;
import org.corridor.access.AccessSettings;
import org.corridor.http.CorridorServer;
import org.corridor.ledger.Ledger;
import org.corridor.service.CorridorService;
import org.corridor.service.TransparencyLog;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Runs the server until the process is asked to stop (SIGTERM, Ctrl-C), then closes it and the store in order. */
final class Serving {
    /** How often the tally snapshots are brought up to date while serving (and always at a clean stop). */
    private static final long SNAPSHOT_EVERY_MINUTES = 5;

    /**
     * How often the server looks for observations another process wrote to its store, so that they reach its
     * tallies and stream within a second.
     */
    private static final long FOLLOW_EVERY_MILLIS = 500;

    private Serving() {}

    static int serve(
            CommandSpec spec,
            Environment environment,
            StoreOptions.Opened opened,
            TransparencyLog log,
            String host,
            int port) {
        CorridorService service = opened.service();
        Ledger ledger = opened.ledger();
        PrintWriter out = spec.commandLine().getOut();
        CorridorServer server;
        try {
            AccessSettings settings = AccessSettings.fromEnvironment(environment.variables());
            Access access = Access.start(opened.access(), settings, environment.clock());
            server = CorridorServer.start(service, access, log, host, port);
        } catch (RuntimeException e) {
            ledger.close();
            if (causedByBind(e)) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--port: " + host + ":" + port + " is in use or not available here; choose another with"
                                + " --port (for example --port " + (port == 65_535 ? 8081 : port + 1)
                                + "), or --port 0 for any free one");
            }
            throw e;
        }
        ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "store-follower");
            thread.setDaemon(true);
            return thread;
        });
        background.scheduleWithFixedDelay(
                () -> saveQuietly(service), SNAPSHOT_EVERY_MINUTES, SNAPSHOT_EVERY_MINUTES, TimeUnit.MINUTES);
        background.scheduleWithFixedDelay(
                () -> followQuietly(service), FOLLOW_EVERY_MILLIS, FOLLOW_EVERY_MILLIS, TimeUnit.MILLISECONDS);
        // On PostgreSQL, other servers' appends are heard at once (LISTEN/NOTIFY); polling stays as the safety net.
        AutoCloseable watch = ledger.watchChanges(operationId -> service.followSoon());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            closeQuietly(watch);
                            background.shutdown();
                            awaitQuietly(background);
                            service.saveSnapshots();
                            ledger.close();
                            stopped.countDown();
                        },
                        "corridor-shutdown"));
        out.println("Corridor is listening on http://localhost:" + server.port() + "/ (Ctrl-C to stop)");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    /** Lets a periodic snapshot that is being written finish before the last one is written. */
    private static void awaitQuietly(ScheduledExecutorService background) {
        try {
            background.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable watch) {
        try {
            watch.close();
        } catch (Exception e) {
            LoggerFactory.getLogger(Serving.class).warn("could not stop watching the store", e);
        }
    }

    private static void followQuietly(CorridorService service) {
        try {
            service.followStore();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(Serving.class).warn("could not read new observations from the store", e);
        }
    }

    private static void saveQuietly(CorridorService service) {
        try {
            service.saveSnapshots();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(Serving.class).warn("periodic tally snapshot failed", e);
        }
    }

    private static boolean causedByBind(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }
}
