package org.partita.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.partita.midi.MidiReader;
import org.partita.tokenizers.remi.RemiTokenizer;

/**
 * Streams files one at a time (read bytes → parse → encode → discard) and reports the heap: the sum
 * of the heap pools' peak usage (MemoryPoolMXBean, an upper bound on the true peak since pools peak
 * at different moments) and the largest heap left after a collection (the live set the run needs).
 */
final class HeapRun {

    private HeapRun() {
    }

    static void run(RemiTokenizer tokenizer, List<Path> files) throws Exception {
        List<MemoryPoolMXBean> pools = new ArrayList<>();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                pools.add(p);
            }
        }
        System.gc();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        long tokens = 0;
        long maxAfterGc = 0;
        int failed = 0;
        int biggestTokens = 0;
        String biggest = "";
        for (Path f : files) {
            try {
                byte[] bytes = Files.readAllBytes(f);
                int n = tokenizer.encode(MidiReader.lenient().read(bytes, f.toString()).score()).size();
                tokens += n;
                if (n > biggestTokens) {
                    biggestTokens = n;
                    biggest = f.getFileName().toString();
                }
            } catch (Exception e) {
                failed++;
                System.err.println(f + ": " + e);
            }
            long afterGc = 0;
            for (MemoryPoolMXBean p : pools) {
                MemoryUsage u = p.getCollectionUsage();
                afterGc += u == null ? 0 : u.getUsed();
            }
            maxAfterGc = Math.max(maxAfterGc, afterGc);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peakSum = 0;
        StringBuilder perPool = new StringBuilder();
        for (MemoryPoolMXBean p : pools) {
            long peak = p.getPeakUsage().getUsed();
            peakSum += peak;
            perPool.append(String.format(Locale.ROOT, "  %-24s peak %7.1f MiB%n", p.getName(), mib(peak)));
        }
        System.out.printf(Locale.ROOT, "streamed %d files (%d failed), %d tokens in %.1f s (%.0f files/s, 1 thread)%n",
                files.size(), failed, tokens, seconds, files.size() / seconds);
        System.out.printf(Locale.ROOT, "largest sequence: %s, %d tokens%n", biggest, biggestTokens);
        System.out.printf(Locale.ROOT, "max heap (-Xmx): %.1f MiB%n", mib(Runtime.getRuntime().maxMemory()));
        System.out.printf(Locale.ROOT, "peak heap used (sum of pool peaks): %.1f MiB%n", mib(peakSum));
        System.out.print(perPool);
        System.out.printf(Locale.ROOT, "largest heap after a collection (live set): %.1f MiB%n", mib(maxAfterGc));
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
