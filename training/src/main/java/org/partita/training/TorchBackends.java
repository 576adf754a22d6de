package org.partita.training;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Two of PyTorch's global backend switches ({@code torch.backends.mkldnn.enabled} and
 * {@code torch.backends.nnpack.enabled} in Python), which DJL 0.36 does not expose: called through JNA on
 * {@code at::globalContext()} in the engine's own {@code libtorch_cpu.so}. JNA is the library for calling a C or
 * C++ symbol from Java 17 without building a native library of our own; the symbols are the exported, mangled
 * names of PyTorch 2.7.1's {@code at::Context} methods. When a symbol is missing (another PyTorch build) the
 * switch is left as it was and {@link #available()} says so.
 */
public final class TorchBackends {
    private static final String GLOBAL_CONTEXT = "_ZN2at13globalContextEv";
    private static final String SET_MKLDNN = "_ZN2at7Context20setUserEnabledMkldnnEb";
    private static final String GET_MKLDNN = "_ZNK2at7Context17userEnabledMkldnnEv";
    private static final String SET_NNPACK = "_ZN2at7Context20setUserEnabledNNPACKEb";

    private static NativeLibrary torch;
    private static boolean looked;

    private TorchBackends() {}

    private static synchronized NativeLibrary torch() {
        if (!looked) {
            looked = true;
            DjlRuntime.engine();
            try {
                Path dir = Path.of(ai.djl.pytorch.jni.LibUtils.getLibtorchPath());
                Path lib = Files.isDirectory(dir) ? dir.resolve(System.mapLibraryName("torch_cpu")) : dir;
                if (Files.isRegularFile(lib)) {
                    NativeLibrary candidate = NativeLibrary.getInstance(lib.toString());
                    candidate.getFunction(GLOBAL_CONTEXT);
                    candidate.getFunction(SET_MKLDNN);
                    candidate.getFunction(GET_MKLDNN);
                    candidate.getFunction(SET_NNPACK);
                    torch = candidate;
                }
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                torch = null; // another build of PyTorch: leave its switches alone
            }
        }
        return torch;
    }

    /** Whether the switches can be set in this process. */
    public static boolean available() {
        return torch() != null;
    }

    /** {@code torch.backends.mkldnn.enabled}: whether convolutions may use oneDNN. Returns false if unavailable. */
    public static boolean setMkldnnEnabled(boolean enabled) {
        return call(SET_MKLDNN, enabled);
    }

    /** {@code torch.backends.nnpack.enabled}. Returns false if unavailable. */
    public static boolean setNnpackEnabled(boolean enabled) {
        return call(SET_NNPACK, enabled);
    }

    /** {@code torch.backends.mkldnn.enabled} as PyTorch has it now, or null if unavailable. */
    public static Boolean mkldnnEnabled() {
        NativeLibrary lib = torch();
        if (lib == null) {
            return null;
        }
        Pointer context = lib.getFunction(GLOBAL_CONTEXT).invokePointer(new Object[0]);
        return lib.getFunction(GET_MKLDNN).invokeInt(new Object[] {context}) != 0;
    }

    private static synchronized boolean call(String setter, boolean enabled) {
        NativeLibrary lib = torch();
        if (lib == null) {
            return false;
        }
        Function global = lib.getFunction(GLOBAL_CONTEXT);
        Pointer context = global.invokePointer(new Object[0]);
        lib.getFunction(setter).invokeVoid(new Object[] {context, (byte) (enabled ? 1 : 0)});
        return true;
    }
}
