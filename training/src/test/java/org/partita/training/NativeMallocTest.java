package org.partita.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Platform;
import org.junit.jupiter.api.Test;

class NativeMallocTest {
    @Test
    void glibcMallocIsTunedOnLinuxUnlessTheUserSetItThemselves() {
        assumeTrue(Platform.isLinux(), "mallopt is glibc's: not on " + System.getProperty("os.name"));
        DjlRuntime.engine();
        boolean userSettings = System.getenv("MALLOC_MMAP_THRESHOLD_") != null
                || System.getenv("MALLOC_TRIM_THRESHOLD_") != null;
        assertEquals(userSettings ? NativeMalloc.Result.USER_SETTINGS : NativeMalloc.Result.TUNED, NativeMalloc.tune());
    }
}
