package org.pmmlengine;

import java.nio.Buffer;
import java.nio.ByteBuffer;

/**
 * The JNI shim's entry points (interop/native/pmmlengine_jni.c). Every method that fails throws the engine's
 * {@link PmmlException}, built by {@link PmmlException#fromEngine}; handles are opaque and refused once released.
 */
final class NativeEngine {
    private NativeEngine() {}

    static {
        NativeLibrary.load();
    }

    /** Starts the .NET runtime and resolves the managed entry points; once per process. */
    static native void start(String runtimeConfig, String assembly);

    static native long load(byte[] pmml, int backend);

    static native String describe(long evaluator);

    /** The verification mismatches, empty when every record matched. */
    static native String verify(long evaluator);

    static native long createScorer(long evaluator);

    /** Scores the record encoded at address; returns the results' length, or a larger size to retry with. */
    static native int score(long scorer, long address, int inputLength, int capacity);

    static native int scoreBatch(long evaluator, double[] inputs, double[] results, int threads);

    static native int scoreBatchDirect(long evaluator, Buffer inputs, int inputOffset, int inputCount, Buffer results,
            int resultOffset, int resultCount, int threads);

    static native void release(long handle);

    static native long address(ByteBuffer buffer);
}
