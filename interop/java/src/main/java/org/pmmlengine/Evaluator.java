package org.pmmlengine;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A loaded PMML model, scored in this process by the engine's compiled backend. Thread-safe: each thread scores
 * through its own engine-side scorer, created on its first record. Close it to free the engine's memory at once;
 * an evaluator that is never closed is freed after it becomes unreachable.
 * <pre>{@code
 * try (Evaluator evaluator = new EvaluatorBuilder().load(Path.of("model.pmml")).build()) {
 *     Map<String, Object> results = evaluator.evaluate(Map.of("Age", 38, "Income", 81838.0));
 * }
 * }</pre>
 */
public final class Evaluator implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    private final Resources resources;
    private final Cleaner.Cleanable cleanable;
    private final FieldCatalog catalog;
    private final ThreadLocal<Session> sessions;

    Evaluator(long handle) {
        resources = new Resources(handle);
        cleanable = CLEANER.register(this, resources);
        try {
            catalog = FieldCatalog.parse(NativeEngine.describe(handle));
        } catch (RuntimeException e) {
            cleanable.clean();
            throw e;
        }
        sessions = ThreadLocal.withInitial(resources::open);
    }

    /** The model element's name: TreeModel, MiningModel, RegressionModel... */
    public String getModelType() {
        return catalog.modelType();
    }

    public MiningFunction getMiningFunction() {
        return catalog.function();
    }

    /** The backend that scores records; {@link Backend#AUTO} resolves to {@link Backend#COMPILED}. */
    public Backend getBackend() {
        return catalog.backend();
    }

    /** The parts of the document the compiled backend leaves to the interpreter, each with its reason. */
    public List<String> getCompilationFallbacks() {
        return catalog.fallbacks();
    }

    /** The fields a record supplies, in the order of a batch row's columns. */
    public List<InputField> getInputFields() {
        return catalog.inputs();
    }

    public List<TargetField> getTargetFields() {
        return catalog.targets();
    }

    public List<OutputField> getOutputFields() {
        return catalog.outputs();
    }

    /** Every result's name: targets, then outputs, in the order of a batch result row's columns. */
    public List<String> getResultNames() {
        List<String> names = new ArrayList<>(catalog.results().size());
        catalog.results().forEach(field -> names.add(field.getName()));
        return names;
    }

    /**
     * Scores one record. Arguments are keyed by input field name; values may be numbers, strings (read as the
     * field's type), booleans or anything whose {@code toString()} is the value's PMML text (java.time values);
     * {@code null}, a missing key, "" and the field's declared missing values are missing. Returns the targets then
     * the outputs, in order, as Double, Float, Integer (Long beyond its range), Boolean, String or java.time values;
     * {@code null} when missing.
     *
     * @throws EvaluationException when the model rejects the record
     */
    public Map<String, Object> evaluate(Map<String, ?> arguments) {
        Objects.requireNonNull(arguments, "arguments");
        resources.ensureOpen();
        try {
            Session session = sessions.get();
            int inputLength = RecordCodec.encode(catalog, arguments, session);
            int length = NativeEngine.score(session.scorer, session.address(), inputLength, session.capacity());
            if (length > session.capacity()) {
                // The results outgrew the buffer; the engine wrote nothing, so grow it and score again.
                session.ensure(length);
                inputLength = RecordCodec.encode(catalog, arguments, session);
                NativeEngine.score(session.scorer, session.address(), inputLength, session.capacity());
            }
            return RecordCodec.decode(catalog.results(), session.buffer());
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** {@link #evaluateBatch(double[], double[], int)} on all cores. */
    public int evaluateBatch(double[] inputs, double[] results) {
        return evaluateBatch(inputs, results, 0);
    }

    /**
     * Scores many records held as numbers, as the C# EvaluateBatch does: {@code inputs} row-major with one column per
     * input field ({@link #getInputFields()} order), {@code results} row-major with one column per result
     * ({@link #getResultNames()} order). A categorical value is the index of its category in the field's list (an
     * input's {@link InputField#getValues()}, a result's {@code getCategories()}); NaN is missing either way. A record
     * the model rejects gets NaN results and is counted in the returned number. The arrays stay pinned while the
     * engine works on them, which holds off the JVM's garbage collector: for batches of many megabytes prefer the
     * direct-buffer overload.
     *
     * @param threads the number of threads to split rows across; 0 for one per core
     */
    public int evaluateBatch(double[] inputs, double[] results, int threads) {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(results, "results");
        resources.ensureOpen();
        try {
            return NativeEngine.scoreBatch(resources.evaluator, inputs, results, threads);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /**
     * {@link #evaluateBatch(double[], double[], int)} over direct buffers, from their positions to their limits; the
     * buffers' positions are left as they were. Direct buffers live outside the Java heap, so long-lived ones make
     * a zero-copy channel for large batches.
     */
    public int evaluateBatch(DoubleBuffer inputs, DoubleBuffer results, int threads) {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(results, "results");
        if (!inputs.isDirect() || !results.isDirect())
            throw new IllegalArgumentException("batch buffers must be direct (ByteBuffer.allocateDirect(...).asDoubleBuffer())");
        if (results.isReadOnly())
            throw new IllegalArgumentException("the results buffer is read-only");
        resources.ensureOpen();
        try {
            return NativeEngine.scoreBatchDirect(resources.evaluator, inputs, inputs.position(), inputs.remaining(),
                    results, results.position(), results.remaining(), threads);
        } finally {
            Reference.reachabilityFence(this);
            Reference.reachabilityFence(inputs);
            Reference.reachabilityFence(results);
        }
    }

    /**
     * Scores the document's ModelVerification records and compares them with their expected values.
     *
     * @throws EvaluationException listing every mismatch
     */
    public void verify() {
        resources.ensureOpen();
        try {
            String mismatches = NativeEngine.verify(resources.evaluator);
            if (!mismatches.isEmpty())
                throw new EvaluationException(mismatches, null, null);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** Frees the engine's model and scorers; later calls throw. Idempotent. */
    @Override
    public void close() {
        cleanable.clean();
    }

    @Override
    public String toString() {
        return getModelType() + " (" + getMiningFunction().name().toLowerCase() + "): " + getInputFields().size()
                + " inputs, " + getTargetFields().size() + " targets, " + getOutputFields().size() + " outputs";
    }

    /** The engine-side handles, released together by close() or by the Cleaner; holds no reference to the Evaluator. */
    private static final class Resources implements Runnable {
        final long evaluator;
        private final List<Session> sessions = new ArrayList<>();
        private volatile boolean closed;

        Resources(long evaluator) {
            this.evaluator = evaluator;
        }

        void ensureOpen() {
            if (closed)
                throw new IllegalStateException("the evaluator is closed");
        }

        synchronized Session open() {
            ensureOpen();
            Session session = new Session(NativeEngine.createScorer(evaluator));
            sessions.add(session);
            return session;
        }

        @Override
        public synchronized void run() {
            if (closed)
                return;
            closed = true;
            // A thread still scoring finds its handle refused (a PmmlException), never freed memory.
            for (Session session : sessions)
                NativeEngine.release(session.scorer);
            sessions.clear();
            NativeEngine.release(evaluator);
        }
    }
}
