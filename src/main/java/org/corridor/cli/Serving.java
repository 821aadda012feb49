package org.corridor.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import org.corridor.http.CorridorServer;
import org.corridor.ledger.Ledger;
import org.corridor.service.CorridorService;

/** Runs the server until the process is asked to stop (SIGTERM, Ctrl-C), then closes it and the store in order. */
final class Serving {
    private Serving() {}

    static int serve(CorridorService service, Ledger ledger, String host, int port, PrintWriter out) {
        CorridorServer server = CorridorServer.start(service, host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
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
}
