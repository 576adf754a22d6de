package org.partita.cli.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntPredicate;
import org.partita.tokenizers.Grammar;
import org.partita.tokenizers.GrammarState;
import org.partita.training.LogitsMask;

/**
 * A tokenizer's {@link Grammar} as a generation mask, so every sample decodes without violations; optionally
 * with a bar limit: once a sample holds more than {@code maxBars} bar tokens (the prompt's included) only EOS
 * may follow, and {@link #trimToBars} removes that extra bar token, so the sample ends where its
 * {@code maxBars + 1}-th bar would have begun. For a tokenizer without bar tokens whose ids carry the time
 * (MMT's beat ids), {@link #withEndingIds}: once a sample holds one of the given ids (a beat past the limit)
 * only EOS may follow, and {@link #cutAtFirst} with {@link #trimToEnd} removes the row it began.
 *
 * <p>Incremental: the generator asks once per sample and step with the sample's ids so far. The state after
 * each prefix seen in the previous step is kept, so a call costs one {@link GrammarState#next} (plus a
 * comparison of the prefix, which makes the cache safe whatever the call order: a prefix never seen is
 * run through the grammar from the start). Not thread-safe; use one instance per {@code generate} call.
 */
public final class GrammarMask implements LogitsMask {

    private final Grammar grammar;
    private final IntPredicate counted; // the limit's ids (a bar token, a beat past the limit), or null
    private final int maxCount;
    private final int eosId;
    private List<Entry> previous = new ArrayList<>();
    private List<Entry> current = new ArrayList<>();
    private int currentLength = -1;

    private record Entry(int[] ids, GrammarState state, int count) {}

    private GrammarMask(Grammar grammar, IntPredicate counted, int maxCount, int eosId) {
        this.grammar = grammar;
        this.counted = counted;
        this.maxCount = maxCount;
        this.eosId = eosId;
    }

    /** The grammar alone. */
    public static GrammarMask of(Grammar grammar) {
        return new GrammarMask(grammar, null, 0, -1);
    }

    /** The grammar, ending each sample with {@code eosId} where its {@code maxBars + 1}-th {@code barId} would be. */
    public static GrammarMask withBarLimit(Grammar grammar, int barId, int maxBars, int eosId) {
        if (maxBars < 1) {
            throw new IllegalArgumentException("maxBars must be >= 1, got " + maxBars);
        }
        if (barId < 0 || eosId < 0) {
            throw new IllegalArgumentException("a bar limit needs bar and EOS ids, got bar " + barId + ", EOS " + eosId);
        }
        return new GrammarMask(grammar, id -> id == barId, maxBars, eosId);
    }

    /** The grammar, ending each sample with {@code eosId} right after its first id in {@code endingIds}. */
    public static GrammarMask withEndingIds(Grammar grammar, BitSet endingIds, int eosId) {
        if (endingIds.isEmpty() || eosId < 0) {
            throw new IllegalArgumentException("an ending limit needs ending ids and an EOS id, got " + endingIds
                    + ", EOS " + eosId);
        }
        BitSet ids = (BitSet) endingIds.clone();
        return new GrammarMask(grammar, ids::get, 0, eosId);
    }

    @Override
    public BitSet allowedNext(int[] idsSoFar) {
        Entry e = entry(idsSoFar);
        if (counted != null && e.count > maxCount) {
            BitSet end = new BitSet(grammar.vocabularySize());
            end.set(eosId);
            return end;
        }
        return e.state.allowed();
    }

    private Entry entry(int[] ids) {
        int n = ids.length;
        if (n == currentLength + 1) {
            previous = current;
            current = new ArrayList<>();
            currentLength = n;
        } else if (n != currentLength) {
            previous = new ArrayList<>();
            current = new ArrayList<>();
            currentLength = n;
        }
        for (Entry e : current) {
            if (Arrays.equals(e.ids, ids)) {
                return e;
            }
        }
        Entry made = null;
        for (Entry p : previous) {
            if (Arrays.equals(p.ids, 0, n - 1, ids, 0, n - 1)) {
                int last = ids[n - 1];
                made = new Entry(ids.clone(), p.state.next(last), p.count + (counts(last) ? 1 : 0));
                break;
            }
        }
        if (made == null) {
            made = fromStart(ids);
        }
        current.add(made);
        return made;
    }

    private Entry fromStart(int[] ids) {
        GrammarState state = grammar.start();
        int count = 0;
        for (int id : ids) {
            state = state.next(id);
            count += counts(id) ? 1 : 0;
        }
        return new Entry(ids.clone(), state, count);
    }

    private boolean counts(int id) {
        return counted != null && counted.test(id);
    }

    /**
     * {@code ids} cut before its first id in {@code endingIds} at or after index {@code from} (the prompt before it
     * is kept whatever it holds); {@code ids} itself when there is none.
     */
    public static int[] cutAtFirst(int[] ids, int from, BitSet endingIds) {
        for (int i = from; i < ids.length; i++) {
            if (ids[i] >= 0 && endingIds.get(ids[i])) {
                return Arrays.copyOf(ids, i);
            }
        }
        return ids;
    }

    /**
     * {@code ids} cut before its {@code maxBars + 1}-th {@code barId}: what a bar-limited sample means once its
     * EOS is removed. Returns {@code ids} itself (not a copy) when it has at most {@code maxBars} bars.
     */
    public static int[] trimToBars(int[] ids, int barId, int maxBars) {
        int bars = 0;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == barId && ++bars > maxBars) {
                return Arrays.copyOf(ids, i);
            }
        }
        return ids;
    }

    /**
     * The longest prefix of {@code ids} after which {@code grammar} allows {@code eosId}: a sample cut by a token
     * limit, without its trailing incomplete note. Returns {@code ids} itself when it may end where it does, or
     * when {@code eosId < 0}.
     */
    public static int[] trimToEnd(int[] ids, Grammar grammar, int eosId) {
        if (eosId < 0) {
            return ids;
        }
        GrammarState state = grammar.start();
        int end = 0;
        for (int i = 0; i < ids.length; i++) {
            state = state.next(ids[i]);
            if (state.allows(eosId)) {
                end = i + 1;
            }
        }
        return end == ids.length ? ids : Arrays.copyOf(ids, end);
    }
}
