package org.corridor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.corridor.claims.ClaimReader;
import org.corridor.claims.Language;

/**
 * The claims reader's throughput per core measured in CPU time of the reading thread, which a shared, loaded
 * machine does not distort as it does wall-clock time: {@code bench/run -main org.corridor.bench.ClaimsThroughput
 * [ROUNDS]}. Reads the same text as {@link ClaimsBenchmark} in each language, warms up, then prints the median.
 */
public final class ClaimsThroughput {
    private ClaimsThroughput() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ClaimReader reader = new ClaimReader(ClaimsBenchmark.places());
        for (String code : new String[] {"ar", "en"}) {
            String text = ClaimsBenchmark.text(code);
            Language language = Language.of(code);
            double megabytes = text.getBytes(StandardCharsets.UTF_8).length / 1e6;
            double[] rates = new double[rounds];
            for (int warmup = 0; warmup < rounds / 2; warmup++) {
                reader.read(text, language, ClaimsBenchmark.DATE);
            }
            for (int round = 0; round < rounds; round++) {
                long start = threads.getCurrentThreadCpuTime();
                reader.read(text, language, ClaimsBenchmark.DATE);
                rates[round] = megabytes / ((threads.getCurrentThreadCpuTime() - start) / 1e9);
            }
            Arrays.sort(rates);
            System.out.printf(
                    Locale.ROOT,
                    "%s: %.2f MB of text; MB per CPU-second: median %.2f, min %.2f, max %.2f (%d rounds)%n",
                    code,
                    megabytes,
                    rates[rounds / 2],
                    rates[0],
                    rates[rounds - 1],
                    rounds);
        }
    }
}
