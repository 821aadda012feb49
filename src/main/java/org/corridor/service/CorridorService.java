package org.corridor.service;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.corridor.core.ConflictException;
import org.corridor.core.CorridorException;
import org.corridor.core.FieldProblem;
import org.corridor.core.InvalidInputException;
import org.corridor.core.MalformedInputException;
import org.corridor.core.NotFoundException;
import org.corridor.core.Problems;
import org.corridor.core.TooLargeException;
import org.corridor.ledger.AppendResult;
import org.corridor.ledger.DefinitionChange;
import org.corridor.ledger.Ledger;
import org.corridor.ledger.NewEntry;
import org.corridor.ledger.OperationHead;
import org.corridor.ledger.SealedPersons;
import org.corridor.ledger.StoredEntry;
import org.corridor.observation.CanonicalForm;
import org.corridor.observation.Observation;
import org.corridor.observation.ObservationJson;
import org.corridor.observation.ObservationReader;
import org.corridor.operation.Operation;
import org.corridor.operation.OperationReader;
import org.corridor.operation.OperationWriter;
import org.corridor.persons.PersonsIntake;
import org.corridor.persons.PersonsList;
import org.corridor.persons.PersonsVault;
import org.corridor.tally.ConvoyRow;
import org.corridor.tally.ConvoyView;
import org.corridor.tally.OperationTallies;
import org.corridor.tally.Tallies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the ledger and one {@link OperationTallies} per operation in step: every write goes to the ledger first
 * and, once durable, into the live tallies (and those of the signed observations alone); listeners hear of each
 * change afterwards. Thread-safe.
 */
public final class CorridorService {
    /** The most observations one batch may hold; a larger batch is refused whole. */
    public static final int MAX_BATCH = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(CorridorService.class);
    private static final int REPLAY_PAGE = 2_000;
    private static final long FOLLOW_DELAY_MILLIS = 100;
    private static final java.util.concurrent.ScheduledExecutorService FOLLOWER =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "store-follower-soon");
                thread.setDaemon(true);
                return thread;
            });
    private static final long HISTORY_PAUSE_MILLIS = 20;
    private static final java.util.concurrent.ExecutorService HISTORIAN =
            java.util.concurrent.Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "tally-history");
                thread.setDaemon(true);
                thread.setPriority(Thread.MIN_PRIORITY);
                return thread;
            });
    /** Batches this large or larger are checked in parallel; for fewer items the hand-over costs more than it saves. */
    private static final int PARALLEL_FROM = 8;
    /** Checks the items of every batch on all cores; shared by all requests, so that together they use no more. */
    private static final ForkJoinPool CHECKERS =
            new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    // Trailing tokens fail, so that '{...} {...}' or a second YAML document is refused rather than half read.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Ledger ledger;
    private final InstantSource clock;
    private final Map<String, OperationState> operations = new ConcurrentHashMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final Object definitions = new Object();
    private final TallySnapshots snapshots;
    private final Map<String, Long> savedVersions = new ConcurrentHashMap<>();
    private final Map<String, Long> restoredFromSnapshot = new ConcurrentHashMap<>();
    private volatile List<org.corridor.claims.Place> gazetteer = List.of();
    private volatile PersonsVault personsVault;
    private final java.util.concurrent.atomic.AtomicBoolean followScheduled =
            new java.util.concurrent.atomic.AtomicBoolean();

    private CorridorService(Ledger ledger, InstantSource clock, TallySnapshots snapshots) {
        this.ledger = ledger;
        this.clock = clock;
        this.snapshots = snapshots;
    }

    /** Loads every stored operation and replays its observations into live tallies. */
    public static CorridorService start(Ledger ledger, InstantSource clock) {
        return start(ledger, clock, null);
    }

    /**
     * As {@link #start(Ledger, InstantSource)}, starting from the tally snapshots in {@code snapshotDirectory} where
     * they still match the ledger and replaying only what came after them; null for no snapshots.
     */
    public static CorridorService start(Ledger ledger, InstantSource clock, Path snapshotDirectory) {
        CorridorService service = new CorridorService(
                ledger, clock, snapshotDirectory == null ? null : new TallySnapshots(snapshotDirectory));
        for (String operationId : ledger.operationIds()) {
            service.replay(operationId);
        }
        HISTORIAN.execute(service::prepareHistories);
        return service;
    }

    /**
     * Builds each operation's {@code asOf} history (the sums kept for earlier moments) in the background after a
     * start, one mark at a time with a pause between, so that the first question about an earlier moment does not
     * pay for it and writers are held off only for one mark at a time.
     */
    private void prepareHistories() {
        for (OperationState state : operations.values()) {
            try {
                while (state.tallies.prepareHistory()) {
                    Thread.sleep(HISTORY_PAUSE_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.atWarn()
                        .addKeyValue("operation", state.operation.id())
                        .addKeyValue("error", e.toString())
                        .log("could not prepare the asOf history; it is made when first asked");
            }
        }
    }

    private void replay(String operationId) {
        String definition = ledger.operation(operationId)
                .orElseThrow(() -> new CorridorException("operation '" + operationId + "' is listed but not stored"));
        Operation operation =
                OperationReader.read(parseJson(definition.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Optional<TallySnapshots.Restored> restored =
                snapshots == null ? Optional.empty() : snapshots.load(operation, ledger);
        OperationState state = restored.map(r -> new OperationState(operation, r.tallies()))
                .orElseGet(() -> new OperationState(operation));
        state.definitionJson = definition;
        state.cursor = restored.map(TallySnapshots.Restored::seq).orElse(0L);
        catchUp(state);
        operations.put(operationId, state);
        restoredFromSnapshot.put(
                operationId, restored.map(TallySnapshots.Restored::seq).orElse(0L));
        LOG.atDebug()
                .addKeyValue("operation", operationId)
                .addKeyValue("observations", state.tallies.size())
                .addKeyValue(
                        "fromSnapshot", restored.map(r -> r.tallies().size()).orElse(0))
                .log("operation loaded");
    }

    /** Puts one stored entry into the live tallies; true when it was new to them. */
    private static boolean replay(String operationId, Operation operation, OperationState state, StoredEntry entry) {
        Problems problems = new Problems();
        Observation observation;
        try {
            observation = ObservationReader.readStored(parseJson(entry.body()), operation, problems);
        } catch (RuntimeException e) {
            // One unreadable entry must not keep the server from starting; it is named so that it can be looked at.
            LOG.atError()
                    .addKeyValue("operation", operationId)
                    .addKeyValue("seq", entry.seq())
                    .addKeyValue("error", e.toString())
                    .log("stored observation could not be read; left out of the tallies");
            return false;
        }
        if (observation == null) {
            LOG.atWarn()
                    .addKeyValue("operation", operationId)
                    .addKeyValue("seq", entry.seq())
                    .addKeyValue("problems", problems.list())
                    .log("stored observation no longer reads against its operation; left out of the tallies");
            return false;
        }
        return state.tallies.add(observation);
    }

    /**
     * Reads what the store holds beyond the operation's cursor into its live tallies and moves the cursor to the
     * end: entries another process or server appended, or, at start, everything after the snapshot. Entries this
     * server appended itself are already counted, and adding them again changes nothing. True when the numbers may
     * have changed.
     */
    private boolean catchUp(OperationState state) {
        return catchUp(state, ledger.size(state.operation.id()));
    }

    /** As {@link #catchUp(OperationState)}, knowing that the store holds {@code storedSize} entries. */
    private boolean catchUp(OperationState state, long storedSize) {
        synchronized (state.cursorLock) {
            String operationId = state.operation.id();
            if (storedSize <= state.cursor) {
                return false;
            }
            boolean changed = false;
            state.skipOwnRanges();
            for (List<StoredEntry> page = ledger.read(operationId, state.cursor, state.pageBeforeOwnRange());
                    !page.isEmpty();
                    page = ledger.read(operationId, state.cursor, state.pageBeforeOwnRange())) {
                for (StoredEntry entry : page) {
                    changed |= replay(operationId, state.operation, state, entry);
                    state.cursor = entry.seq();
                }
                state.skipOwnRanges();
            }
            return changed;
        }
    }

    /**
     * Calls {@link #followStore} within {@value #FOLLOW_DELAY_MILLIS} ms, once for any number of calls meanwhile: what
     * a notification of a commit should call. The delay lets this server's own append, whose commit was just
     * announced, move the cursor past itself first, so that it is not read back; a burst of commits is read once.
     */
    public void followSoon() {
        if (followScheduled.compareAndSet(false, true)) {
            FOLLOWER.schedule(
                    () -> {
                        followScheduled.set(false);
                        try {
                            followStore();
                        } catch (RuntimeException e) {
                            LOG.atWarn()
                                    .addKeyValue("error", e.toString())
                                    .log("could not read new observations from the store; polling will retry");
                        }
                    },
                    FOLLOW_DELAY_MILLIS,
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Brings every operation up to what the store holds, telling listeners of those whose numbers changed. A server
     * calls this about once a second, so that observations written to its store by another process (corridor load,
     * or another server on the same PostgreSQL database) reach its tallies and stream too.
     */
    public void followStore() {
        // One small query for every operation: where each stands. The definition's text is read only when its
        // version moved, and the observations only when the store holds more than the cursor has reached.
        for (OperationHead head : ledger.heads()) {
            OperationState state = operations.get(head.id());
            if (state == null) {
                loadDefinedElsewhere(head.id());
                continue;
            }
            boolean redefined = followDefinition(state, head.definitionVersion());
            if (catchUp(state, head.lastSeq()) || redefined) {
                notifyChange(state.operation.id());
            }
        }
    }

    /** An operation another server or process defined: loaded and replayed as at start. */
    private void loadDefinedElsewhere(String operationId) {
        synchronized (definitions) {
            if (operations.containsKey(operationId)) {
                return;
            }
            replay(operationId);
        }
        notifyChange(operationId);
    }

    /**
     * Takes up a definition another server or process replaced, when the stored definition's version is not the
     * one last seen; true when it did. The version was read before the text, so the text is at least that new: at
     * worst a later poll reads the same text once more and finds nothing to do.
     */
    private boolean followDefinition(OperationState state, long storedVersion) {
        if (storedVersion == state.definitionVersion) {
            return false;
        }
        String operationId = state.operation.id();
        synchronized (definitions) {
            String stored = ledger.operation(operationId).orElse(null);
            if (stored == null || stored.equals(state.definitionJson)) {
                state.definitionVersion = storedVersion;
                return false;
            }
            Operation operation =
                    OperationReader.read(parseJson(stored.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            state.lock.writeLock().lock();
            try {
                state.operation = operation;
                state.tallies.replaceOperation(operation);
                state.definitionJson = stored;
                state.definitionVersion = storedVersion;
            } finally {
                state.lock.writeLock().unlock();
            }
            return true;
        }
    }

    /** The sequence number up to which an operation's tallies were read from a snapshot at start (0: none). */
    long restoredFromSnapshot(String operationId) {
        return restoredFromSnapshot.getOrDefault(operationId, 0L);
    }

    /**
     * Writes each operation's tally snapshot, so that the next start replays only what comes after it. Each
     * operation's writers are held off only while its facts are captured, not while the file is written.
     */
    public synchronized void saveSnapshots() {
        if (snapshots == null) {
            return;
        }
        for (OperationState state : operations.values()) {
            String operationId = state.operation.id();
            long version = state.tallies.version();
            if (savedVersions.getOrDefault(operationId, -1L) == version) {
                continue;
            }
            long seq;
            OperationTallies.Snapshot snapshot;
            state.lock.writeLock().lock();
            try {
                synchronized (state.cursorLock) {
                    // With writers held off, the cursor reaches the end of the store, so the snapshot holds every
                    // entry up to the number it records.
                    catchUp(state);
                    seq = state.cursor;
                    snapshot = state.tallies.snapshot();
                }
            } finally {
                state.lock.writeLock().unlock();
            }
            if (seq > 0) {
                UUID lastId = ledger.read(operationId, seq - 1, 1).getFirst().id();
                snapshots.save(operationId, seq, lastId, snapshot);
            }
            savedVersions.put(operationId, version);
        }
    }

    public InstantSource clock() {
        return clock;
    }

    /** Calls {@code listener} with an operation's id after each change to its observations or definition. */
    public void onChange(Consumer<String> listener) {
        listeners.add(listener);
    }

    public List<OperationSummary> operations() {
        return ledger.operationIds().stream()
                .map(operations::get)
                .filter(java.util.Objects::nonNull)
                .map(state -> new OperationSummary(state.operation.id(), state.operation.name()))
                .toList();
    }

    public Operation operation(String operationId) {
        return state(operationId).operation;
    }

    /** The definition as stored: the JSON form of its file. */
    public JsonNode definition(String operationId) {
        return OperationWriter.write(operation(operationId));
    }

    /**
     * Reads, checks and stores an operation definition (JSON or YAML), replacing a stored one of the same id.
     *
     * @param contentType the media type it came with, or null to tell JSON from YAML by its first character
     * @throws MalformedInputException when the text is not JSON or YAML
     * @throws InvalidInputException naming every problem in it
     * @throws ConflictException when it drops ids that stored observations use
     */
    public DefinitionResult defineOperation(byte[] file, String contentType) {
        return defineOperation(file, contentType, operationId -> {});
    }

    /**
     * As {@link #defineOperation(byte[], String)}, first calling {@code authorize} with the operation's id once it is
     * read and before anything is stored; it refuses by throwing.
     */
    public DefinitionResult defineOperation(byte[] file, String contentType, Consumer<String> authorize) {
        Operation operation = OperationReader.read(parseDefinition(file, contentType));
        authorize.accept(operation.id());
        JsonNode definition = OperationWriter.write(operation);
        DefinitionChange change;
        synchronized (definitions) {
            OperationState existing = operations.get(operation.id());
            if (existing == null) {
                change = ledger.putOperation(operation.id(), text(definition), ObservationJson.defined(operation));
                if (change == DefinitionChange.CREATED) {
                    OperationState created = new OperationState(operation);
                    created.definitionJson = text(definition);
                    operations.put(operation.id(), created);
                } else {
                    replay(operation.id()); // stored by another server or process, with its observations
                }
            } else {
                existing.lock.writeLock().lock();
                try {
                    change = ledger.putOperation(operation.id(), text(definition), ObservationJson.defined(operation));
                    if (change != DefinitionChange.UNCHANGED) {
                        existing.operation = operation;
                        existing.tallies.replaceOperation(operation);
                        existing.definitionJson = text(definition);
                    }
                } finally {
                    existing.lock.writeLock().unlock();
                }
            }
        }
        if (change != DefinitionChange.UNCHANGED) {
            notifyChange(operation.id());
        }
        return new DefinitionResult(operation.id(), change, definition);
    }

    /**
     * Records one observation.
     *
     * @throws InvalidInputException naming every field at fault; nothing is stored
     * @throws ConflictException when its id is stored with other content
     */
    public ItemResult record(String operationId, JsonNode observation) {
        ItemResult result = recordAll(state(operationId), List.of(observation)).getFirst();
        return switch (result.status()) {
            case CREATED, DUPLICATE -> result;
            case INVALID -> throw new InvalidInputException("observation refused", result.problems());
            case CONFLICT -> throw new ConflictException(result.detail(), result.problems());
        };
    }

    /** Records a batch, each item on its own; a batch of more than {@link #MAX_BATCH} is refused whole. */
    public List<ItemResult> recordBatch(String operationId, ArrayNode batch) {
        OperationState state = state(operationId);
        if (batch.size() > MAX_BATCH) {
            throw new TooLargeException("a batch holds at most " + MAX_BATCH + " observations; this one holds "
                    + batch.size() + ": send it in parts of " + MAX_BATCH + " or fewer; nothing was stored");
        }
        List<JsonNode> items = new ArrayList<>(batch.size());
        batch.forEach(items::add);
        return recordAll(state, items);
    }

    private List<ItemResult> recordAll(OperationState state, List<JsonNode> items) {
        ItemResult[] results = new ItemResult[items.size()];
        boolean changed = false;
        state.lock.readLock().lock();
        try {
            Operation operation = state.operation;
            List<Integer> positions = new ArrayList<>();
            List<Observation> observations = new ArrayList<>();
            List<NewEntry> entries = new ArrayList<>();
            List<Checked> checked = checkAll(items, operation, clock.instant(), personsVault);
            for (int i = 0; i < checked.size(); i++) {
                Checked item = checked.get(i);
                if (item.entry() == null) {
                    results[i] = new ItemResult(
                            idAsSent(items.get(i)),
                            ItemResult.Status.INVALID,
                            null,
                            "observation refused",
                            item.problems());
                } else {
                    positions.add(i);
                    observations.add(item.observation());
                    entries.add(item.entry());
                }
            }
            List<AppendResult> appended = entries.isEmpty() ? List.of() : ledger.append(operation.id(), entries);
            List<Long> created = new ArrayList<>();
            for (int k = 0; k < appended.size(); k++) {
                AppendResult append = appended.get(k);
                Observation observation = observations.get(k);
                results[positions.get(k)] = switch (append.outcome()) {
                    case CREATED -> {
                        state.tallies.add(observation);
                        created.add(append.seq());
                        yield new ItemResult(
                                observation.idText(), ItemResult.Status.CREATED, append.seq(), "", List.of());
                    }
                    case DUPLICATE ->
                        new ItemResult(observation.idText(), ItemResult.Status.DUPLICATE, append.seq(), "", List.of());
                    case CONFLICT -> conflict(observation.idText());
                };
                changed |= append.outcome() == AppendResult.Outcome.CREATED;
            }
            advanceCursor(state, created);
        } finally {
            state.lock.readLock().unlock();
        }
        if (changed) {
            notifyChange(state.operation.id());
        }
        return List.of(results);
    }

    /**
     * Reads, checks (signatures included) and puts in stored form each item, in the items' order. A batch is
     * checked on every core, since verifying signatures is most of the cost of signed ingest; the ledger append that
     * follows is one transaction either way.
     */
    private static List<Checked> checkAll(List<JsonNode> items, Operation operation, Instant now, PersonsVault vault) {
        if (items.size() < PARALLEL_FROM) {
            return items.stream()
                    .map(item -> check(item, operation, now, vault))
                    .toList();
        }
        return CHECKERS.submit(() -> items.parallelStream()
                        .map(item -> check(item, operation, now, vault))
                        .toList())
                .join();
    }

    private static Checked check(JsonNode item, Operation operation, Instant now, PersonsVault vault) {
        Problems problems = new Problems();
        // The persons member comes off first: what is read, signed, stored and logged never holds a name.
        PersonsIntake.Taken taken = PersonsIntake.take(item, operation.id(), vault, problems);
        CanonicalForm form = CanonicalForm.of(taken.observation());
        Observation observation = ObservationReader.read(form, operation, now, problems);
        if (observation == null) {
            return new Checked(null, null, problems.list());
        }
        try {
            return new Checked(
                    observation, ObservationJson.entry(observation, form).withPersons(taken.persons()), List.of());
        } catch (InvalidInputException e) {
            return new Checked(null, null, e.problems());
        }
    }

    /** One item of a write: what was read and its entry to append, or (both null) the problems that refuse it. */
    private record Checked(Observation observation, NewEntry entry, List<FieldProblem> problems) {}

    /**
     * Moves the cursor past this server's own appends once nothing before them is missing (a batch's new entries
     * have consecutive numbers; batches may finish out of order), so that {@link #followStore} does not read back
     * what is already counted.
     */
    private static void advanceCursor(OperationState state, List<Long> created) {
        if (created.isEmpty()) {
            return;
        }
        synchronized (state.cursorLock) {
            state.ownRanges.merge(created.getFirst(), created.getLast(), Math::max);
            state.skipOwnRanges();
        }
    }

    private static ItemResult conflict(String id) {
        String detail = "observation " + id + " is already stored with other content; a stored observation never "
                + "changes: send a count.corrected observation or use a new id";
        return new ItemResult(id, ItemResult.Status.CONFLICT, null, detail, List.of(new FieldProblem("id", detail)));
    }

    /**
     * Keeps observations' personal data with {@code vault}'s key from now on; without one, observations that carry
     * persons are refused and none can be read.
     */
    public void keepPersonsWith(PersonsVault vault) {
        this.personsVault = vault;
    }

    /**
     * The personal data sealed beside an observation, opened.
     *
     * @throws NotFoundException when the operation does not exist or no personal data is kept beside that id
     * @throws org.corridor.core.SealedDataException when it cannot be opened (another key, changed bytes)
     */
    public PersonsList persons(String operationId, UUID observationId) {
        state(operationId);
        SealedPersons sealed = ledger.persons(operationId, observationId)
                .orElseThrow(() -> new NotFoundException("no personal data is kept beside observation " + observationId
                        + " of operation '" + operationId + "'"));
        PersonsVault vault = personsVault;
        if (vault == null) {
            throw new org.corridor.core.SealedDataException(
                    "this server holds no persons key, so it cannot open personal data");
        }
        return vault.open(operationId, observationId, sealed);
    }

    /** Up to {@code limit} stored observations with a sequence number above {@code afterSeq}, in ledger order. */
    public List<StoredEntry> observations(String operationId, long afterSeq, int limit) {
        state(operationId);
        return ledger.read(operationId, afterSeq, limit);
    }

    /**
     * Place names, beyond each operation's sites, that reports' claims are matched against: the gazetteer the
     * server was given at start ({@code --gazetteer}).
     */
    public void useGazetteer(List<org.corridor.claims.Place> places) {
        this.gazetteer = List.copyOf(places);
    }

    List<org.corridor.claims.Place> gazetteer() {
        return gazetteer;
    }

    /** Stores a report (its canonical JSON) with an operation that exists. */
    public org.corridor.ledger.StoredReport addReport(String operationId, UUID id, String bodyJson) {
        state(operationId);
        return ledger.addReport(operationId, id, bodyJson);
    }

    /** Every report stored with the operation, in the order stored. */
    public List<org.corridor.ledger.StoredReport> reports(String operationId) {
        state(operationId);
        return ledger.reports(operationId);
    }

    /** How many observations the operation holds. */
    public long size(String operationId) {
        state(operationId);
        return ledger.size(operationId);
    }

    /** The tallies as of {@code asOf}, or as of now when it is null. */
    public Tallies tallies(String operationId, Instant asOf) {
        return state(operationId).tallies.tallies(asOf == null ? now() : asOf);
    }

    /** The earliest and latest {@code at} of the operation's observations; empty when it has none. */
    public java.util.Optional<org.corridor.tally.TimeSpan> span(String operationId) {
        return state(operationId).tallies.span();
    }

    /** The convoy board as of {@code asOf}, or as of now when it is null. */
    public List<ConvoyView> convoys(String operationId, Instant asOf) {
        return state(operationId).tallies.convoys(asOf == null ? now() : asOf);
    }

    /** The convoy board with each convoy marked as {@link ConvoyRow#signed} says, as of {@code asOf} or now. */
    public List<ConvoyRow> convoyBoard(String operationId, Instant asOf) {
        return state(operationId).tallies.board(asOf == null ? now() : asOf);
    }

    /** The tallies of the operation's signed observations alone, as of {@code asOf} or now. */
    public Tallies signedTallies(String operationId, Instant asOf) {
        return state(operationId).tallies.signedTallies(asOf == null ? now() : asOf);
    }

    /** The convoy board of the operation's signed observations alone, as of {@code asOf} or now. */
    public List<ConvoyView> signedConvoys(String operationId, Instant asOf) {
        return state(operationId).tallies.signedConvoys(asOf == null ? now() : asOf);
    }

    /**
     * "Now" for the numbers: the clock rounded up to the whole second, so that {@code asOf} reads
     * {@code 2016-12-19T14:00:01+02:00} rather than carrying nanoseconds, and nothing already stored is left out.
     */
    private Instant now() {
        Instant instant = clock.instant();
        Instant second = instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return second.equals(instant) ? instant : second.plusSeconds(1);
    }

    /** A number that increases on every change to the operation's tallies' inputs. */
    public long version(String operationId) {
        return state(operationId).tallies.version();
    }

    public boolean exists(String operationId) {
        return operations.containsKey(operationId);
    }

    private OperationState state(String operationId) {
        OperationState state = operations.get(operationId);
        if (state == null) {
            throw new NotFoundException("there is no operation '" + operationId + "'");
        }
        return state;
    }

    private void notifyChange(String operationId) {
        for (Consumer<String> listener : listeners) {
            try {
                listener.accept(operationId);
            } catch (RuntimeException e) {
                LOG.warn("a change listener failed", e);
            }
        }
    }

    private static String idAsSent(JsonNode item) {
        JsonNode id = item == null ? null : item.get("id");
        return id != null && id.isTextual() ? id.textValue() : null;
    }

    private static String text(JsonNode tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (IOException e) {
            throw new CorridorException("could not write a definition as JSON", e);
        }
    }

    private static JsonNode parseDefinition(byte[] file, String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("json")) {
            return parse(JSON, "JSON", file);
        }
        if (type.contains("yaml")) {
            return parse(YAML, "YAML", file);
        }
        String text = new String(file, java.nio.charset.StandardCharsets.UTF_8).stripLeading();
        return text.startsWith("{") ? parse(JSON, "JSON", file) : parse(YAML, "YAML", file);
    }

    /** Parses JSON text into a tree; text that is not JSON is refused with its line and column. */
    public static JsonNode parseJson(byte[] text) {
        return parse(JSON, "JSON", text);
    }

    private static JsonNode parseJson(String text) {
        return parseJson(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static JsonNode parse(ObjectMapper mapper, String format, byte[] text) {
        try {
            JsonNode tree = mapper.readTree(text);
            if (tree == null || tree.isMissingNode()) {
                throw new MalformedInputException("", "the body is empty; expected " + format);
            }
            return tree;
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new MalformedInputException("", "not valid " + format + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedInputException("", "could not be read: " + e.getMessage());
        }
    }

    /** One operation's definition, live tallies, and the lock that keeps a definition change apart from writes. */
    private static final class OperationState {
        private final OperationTallies tallies;
        private final ReadWriteLock lock = new ReentrantReadWriteLock();
        /** Guards {@link #cursor}. */
        private final Object cursorLock = new Object();
        /** Every stored entry up to this sequence number is in {@link #tallies} (or was skipped as unreadable). */
        private long cursor;
        /** This server's own appends beyond the cursor, first seq to last seq, waiting for the gap before them. */
        private final java.util.TreeMap<Long, Long> ownRanges = new java.util.TreeMap<>();

        /**
         * How many entries to read after the cursor: a page, but not into this server's next own append, which is
         * counted already (when another server's appends come between, reading straight on would parse it again).
         * At least 1, once {@link #skipOwnRanges} has run. Called holding {@link #cursorLock}.
         */
        private int pageBeforeOwnRange() {
            var next = ownRanges.firstEntry();
            return next == null ? REPLAY_PAGE : (int) Math.max(1, Math.min(REPLAY_PAGE, next.getKey() - cursor - 1));
        }

        /** Moves the cursor over own appends that now follow it. Called holding {@link #cursorLock}. */
        private void skipOwnRanges() {
            for (var first = ownRanges.firstEntry();
                    first != null && first.getKey() <= cursor + 1;
                    first = ownRanges.firstEntry()) {
                cursor = Math.max(cursor, first.getValue());
                ownRanges.pollFirstEntry();
            }
        }

        private volatile Operation operation;
        /** The stored text of {@link #operation}, to notice a definition another server replaced. */
        private volatile String definitionJson;
        /** The stored definition version {@link #definitionJson} is known to be at least as new as; -1: unknown. */
        private volatile long definitionVersion = -1;

        private OperationState(Operation operation) {
            this(operation, new OperationTallies(operation));
        }

        private OperationState(Operation operation, OperationTallies tallies) {
            this.operation = operation;
            this.tallies = tallies;
        }
    }
}
