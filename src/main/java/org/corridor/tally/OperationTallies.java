package org.corridor.tally;

import java.time.Instant;
import java.util.List;
import org.corridor.observation.Observation;
import org.corridor.operation.Operation;

/**
 * An operation's live tallies and, beside them, the live tallies of its signed observations alone, so that the
 * numbers can say which figures rest only on signed observations (issue 6). An observation counts as signed when it
 * carries a signature: the service stores none whose signature did not verify. The signed view is made only for an
 * operation with a monitor key or a signed observation; the others pay nothing for it. Thread-safe.
 */
public final class OperationTallies {
    private final Object lock = new Object();
    private final LiveTallies all;
    /** Null until the operation has a monitor key or a signed observation; written under {@link #lock}. */
    private volatile LiveTallies signed;

    public OperationTallies(Operation operation) {
        this(new LiveTallies(operation), hasKeys(operation) ? new LiveTallies(operation) : null);
    }

    private OperationTallies(LiveTallies all, LiveTallies signed) {
        this.all = all;
        this.signed = signed;
    }

    /** The tallies read back from a snapshot: all observations, and the signed ones alone (null: none). */
    public static OperationTallies restored(LiveTallies all, LiveTallies signed) {
        return new OperationTallies(all, signed);
    }

    private static boolean hasKeys(Operation operation) {
        return operation.monitors().stream().anyMatch(monitor -> monitor.publicKey() != null);
    }

    /** Adds an observation to the view or views it belongs to; false, changing nothing, when its id is here. */
    public boolean add(Observation observation) {
        synchronized (lock) {
            if (!all.add(observation)) {
                return false;
            }
            if (observation.header().signature() != null) {
                signedView().add(observation);
            }
            return true;
        }
    }

    private LiveTallies signedView() {
        if (signed == null) {
            signed = new LiveTallies(all.operation());
        }
        return signed;
    }

    /** Uses a new definition of the operation in both views; the observations are kept. */
    public void replaceOperation(Operation replacement) {
        synchronized (lock) {
            all.replaceOperation(replacement);
            if (signed != null) {
                signed.replaceOperation(replacement);
            } else if (hasKeys(replacement)) {
                signed = new LiveTallies(replacement);
            }
        }
    }

    public Operation operation() {
        return all.operation();
    }

    /** Increases with every change to either view (the signed one changes only with the other). */
    public long version() {
        return all.version();
    }

    /** How many distinct observations are held. */
    public int size() {
        return all.size();
    }

    /** The earliest and latest {@code at} of the operation's observations; empty when it has none. */
    public java.util.Optional<TimeSpan> span() {
        return all.span();
    }

    /** One step of preparing both views' {@code asOf} history (see {@link LiveTallies#prepareHistory}). */
    public boolean prepareHistory() {
        LiveTallies view = signed;
        return all.prepareHistory() | (view != null && view.prepareHistory());
    }

    public Tallies tallies(Instant asOf) {
        return all.tallies(asOf);
    }

    public List<ConvoyView> convoys(Instant asOf) {
        return all.convoys(asOf);
    }

    /** The tallies of the signed observations alone. */
    public Tallies signedTallies(Instant asOf) {
        LiveTallies view = signed;
        return view == null ? new LiveTallies(all.operation()).tallies(asOf) : view.tallies(asOf);
    }

    /** The convoy board of the signed observations alone. */
    public List<ConvoyView> signedConvoys(Instant asOf) {
        LiveTallies view = signed;
        return view == null ? List.of() : view.convoys(asOf);
    }

    /** The convoy board, each convoy marked as {@link ConvoyRow#signed} says. */
    public List<ConvoyRow> board(Instant asOf) {
        synchronized (lock) {
            return ConvoyRow.mark(all.convoys(asOf), signedConvoys(asOf));
        }
    }

    /** Both views' facts as they are now, for a restart to read back. */
    public Snapshot snapshot() {
        synchronized (lock) {
            LiveTallies view = signed;
            return new Snapshot(all.snapshot(), view == null ? null : view.snapshot());
        }
    }

    /** The facts of both views at one moment; {@code signed} is null when there is no signed view. */
    public record Snapshot(TallySnapshot all, TallySnapshot signed) {}
}
