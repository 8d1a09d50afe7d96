package org.pmmlengine;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One thread's scorer for one evaluator: the engine-side scorer handle and the direct buffer records travel in.
 * The buffer's address is passed to the engine as a number, so a call costs no JNI object lookups.
 */
final class Session {
    private static final int INITIAL_CAPACITY = 4096;

    final long scorer;
    private ByteBuffer buffer;
    private long address;

    Session(long scorer) {
        this.scorer = scorer;
        allocate(INITIAL_CAPACITY);
    }

    ByteBuffer buffer() {
        return buffer;
    }

    long address() {
        return address;
    }

    int capacity() {
        return buffer.capacity();
    }

    /** The buffer, grown (keeping its content) to hold at least the given number of bytes. */
    ByteBuffer ensure(int bytes) {
        if (bytes > buffer.capacity()) {
            ByteBuffer old = buffer;
            allocate(Math.max(bytes, 2 * old.capacity()));
            buffer.put(0, old, 0, old.capacity());
        }
        return buffer;
    }

    private void allocate(int capacity) {
        buffer = ByteBuffer.allocateDirect(capacity).order(ByteOrder.nativeOrder());
        address = NativeEngine.address(buffer);
    }
}
