package org.corridor.bench;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.corridor.observation.Observation;
import org.corridor.tally.LiveTallies;
import org.corridor.tally.Tallies;
import org.corridor.tally.TallyEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Tallies of a large operation: "now" through {@link LiveTallies} (after one new observation, so a convoy is
 * recomputed each time), and {@code asOf} a moment halfway through, which recomputes from every observation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx2g"})
public class TallyBenchmark {
    @Param({"1000000"})
    int observations;

    private LiveTallies live;
    private List<Observation> all;
    private Instant now;
    private Instant halfway;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        all = SyntheticOperation.observations(observations + 100_000, 42);
        live = new LiveTallies(SyntheticOperation.OPERATION);
        for (Observation observation : all.subList(0, observations)) {
            live.add(observation);
        }
        next = observations;
        Instant latest =
                all.stream().map(Observation::instant).max(Instant::compareTo).orElseThrow();
        now = latest.plusSeconds(3600);
        halfway = SyntheticOperation.START
                .toInstant()
                .plusSeconds((latest.getEpochSecond()
                                - SyntheticOperation.START.toInstant().getEpochSecond())
                        / 2);
    }

    @Benchmark
    public Tallies currentTalliesAfterOneNewObservation() {
        if (next < all.size()) {
            live.add(all.get(next++));
        }
        return live.tallies(now);
    }

    @Benchmark
    public Tallies asOfTallies() {
        return live.tallies(halfway);
    }

    /** The pure computation from the list of observations, for comparison. */
    @Benchmark
    public Tallies pureTalliesFromAllObservations() {
        return TallyEngine.tallies(SyntheticOperation.OPERATION, all.subList(0, observations), now);
    }
}
