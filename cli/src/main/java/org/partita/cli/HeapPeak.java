package org.partita.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The JVM's peak heap use so far: the sum over heap memory pools of each pool's peak. The pools peak
 * at different moments, so this is an upper bound on the true peak (never below it).
 */
final class HeapPeak {

    private HeapPeak() {
    }

    static long bytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** The maximum heap ({@code -Xmx}), or -1 when undefined. */
    static long maxBytes() {
        return Runtime.getRuntime().maxMemory() == Long.MAX_VALUE ? -1 : Runtime.getRuntime().maxMemory();
    }
}
