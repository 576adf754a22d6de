package org.partita.training;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * Tunes glibc's malloc for PyTorch's CPU tensors, once per process, before the engine starts.
 *
 * <p>PyTorch allocates every intermediate tensor with malloc. With glibc's defaults, buffers over 128 KB are mapped
 * and unmapped per allocation, and freed memory at the top of the heap is returned to the kernel at once, so each
 * forward pass faults its pages in again: a 128-step piano-roll forward pass took 52–72 ms (a third of it kernel
 * time) against 10–23 ms with the settings below (measured on the 2-core machine, docs/benchmarks.md). The fix
 * is the one glibc documents for such programs: a higher mmap threshold and trim threshold ({@code mallopt},
 * the same as the environment variables {@code MALLOC_MMAP_THRESHOLD_} and {@code MALLOC_TRIM_THRESHOLD_}).
 * The cost is that up to {@value #TRIM_THRESHOLD_BYTES} bytes of freed memory stay with the process.
 *
 * <p>Skipped when not on Linux, when the C library has no {@code mallopt} (musl), when either environment variable
 * is set (the user's choice wins), or with {@code -Dpartita.malloc.tune=false}. JNA is the library for calling a C
 * function from Java 17 without a native build of our own; DJL already depends on it.
 */
public final class NativeMalloc {
    private static final int M_TRIM_THRESHOLD = -1; // glibc malloc.h
    private static final int M_MMAP_THRESHOLD = -3;
    /** The largest mmap threshold glibc accepts on 64-bit (HEAP_MAX_SIZE / 2). */
    static final int MMAP_THRESHOLD_BYTES = 32 * 1024 * 1024;
    static final int TRIM_THRESHOLD_BYTES = 256 * 1024 * 1024;

    private static Result result;

    /** What {@link #tune()} did. */
    public enum Result { TUNED, USER_SETTINGS, DISABLED, UNSUPPORTED }

    private NativeMalloc() {}

    /** Applies the settings once; later calls return the first result. */
    public static synchronized Result tune() {
        if (result == null) {
            result = apply();
        }
        return result;
    }

    private static Result apply() {
        if ("false".equalsIgnoreCase(System.getProperty("partita.malloc.tune"))) {
            return Result.DISABLED;
        }
        if (System.getenv("MALLOC_MMAP_THRESHOLD_") != null || System.getenv("MALLOC_TRIM_THRESHOLD_") != null) {
            return Result.USER_SETTINGS;
        }
        if (!Platform.isLinux()) {
            return Result.UNSUPPORTED;
        }
        try {
            Function mallopt = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME).getFunction("mallopt");
            boolean mmap = mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES}) == 1;
            boolean trim = mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES}) == 1;
            return mmap && trim ? Result.TUNED : Result.UNSUPPORTED;
        } catch (UnsatisfiedLinkError | RuntimeException e) { // no mallopt (musl) or no JNA native part
            return Result.UNSUPPORTED;
        }
    }
}
