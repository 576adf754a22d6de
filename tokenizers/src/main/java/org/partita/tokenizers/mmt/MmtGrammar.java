package org.partita.tokenizers.mmt;

import java.util.BitSet;
import org.partita.tokenizers.Grammar;
import org.partita.tokenizers.GrammarState;

/**
 * The row grammar over flattened MMT ids (6 per row, field by field): rows go start-of-song,
 * instrument rows with strictly increasing instrument codes, start-of-notes, note rows with
 * non-decreasing (beat, position) and an instrument declared before, end-of-song, then nothing.
 * Note rows need every field; other rows have code 0 (none) in every field but the instrument of an
 * instrument row. Immutable and thread-safe; states are immutable values.
 */
final class MmtGrammar implements Grammar {

    private static final int BEFORE = -1;

    private final MmtFields fields;

    MmtGrammar(MmtFields fields) {
        this.fields = fields;
    }

    @Override
    public GrammarState start() {
        return new State(0, BEFORE, -1, 0, 0, 0, 0, 0, new BitSet());
    }

    @Override
    public int vocabularySize() {
        return fields.vocabulary.size();
    }

    private final class State implements GrammarState {
        final int field;
        final int phase;
        final int rowType;
        final int beat;
        final int position;
        final int lastBeat;
        final int lastPosition;
        final int lastInstrument;
        final BitSet declared;

        State(int field, int phase, int rowType, int beat, int position, int lastBeat, int lastPosition,
              int lastInstrument, BitSet declared) {
            this.field = field;
            this.phase = phase;
            this.rowType = rowType;
            this.beat = beat;
            this.position = position;
            this.lastBeat = lastBeat;
            this.lastPosition = lastPosition;
            this.lastInstrument = lastInstrument;
            this.declared = declared;
        }

        private boolean allowsCode(int code) {
            if (code < 0 || code >= fields.sizes[field]) {
                return false;
            }
            if (field == MmtFields.TYPE) {
                return switch (phase) {
                    case BEFORE -> code == MmtFields.SOS;
                    case MmtFields.SOS, MmtFields.INSTRUMENT_ROW -> code == MmtFields.INSTRUMENT_ROW
                            && lastInstrument < fields.sizes[MmtFields.INSTRUMENT] - 1 || code == MmtFields.SON;
                    case MmtFields.SON, MmtFields.NOTE -> code == MmtFields.NOTE && !declared.isEmpty() || code == MmtFields.EOS;
                    default -> false;
                };
            }
            if (rowType == MmtFields.NOTE) {
                return switch (field) {
                    case MmtFields.BEAT -> code >= Math.max(1, lastBeat);
                    case MmtFields.POSITION -> code >= 1 && (beat != lastBeat || code >= lastPosition);
                    case MmtFields.INSTRUMENT -> declared.get(code);
                    default -> code >= 1;
                };
            }
            if (rowType == MmtFields.INSTRUMENT_ROW && field == MmtFields.INSTRUMENT) {
                return code > lastInstrument;
            }
            return code == 0;
        }

        @Override
        public boolean allows(int id) {
            return allowsCode(id - fields.offsets[field]);
        }

        @Override
        public BitSet allowed() {
            BitSet m = new BitSet(fields.vocabulary.size());
            for (int c = 0; c < fields.sizes[field]; c++) {
                if (allowsCode(c)) {
                    m.set(fields.offsets[field] + c);
                }
            }
            return m;
        }

        @Override
        public GrammarState next(int id) {
            int code = id - fields.offsets[field];
            int nextField = (field + 1) % fields.sizes.length;
            return switch (field) {
                case MmtFields.TYPE -> {
                    int type = code >= 0 && code < fields.sizes[0] ? code : rowType;
                    int newPhase = type >= 0 && type > phase ? type : phase;
                    yield new State(nextField, newPhase, type, 0, 0, lastBeat, lastPosition, lastInstrument, declared);
                }
                case MmtFields.BEAT -> new State(nextField, phase, rowType, code, position, lastBeat, lastPosition,
                        lastInstrument, declared);
                case MmtFields.POSITION -> new State(nextField, phase, rowType, beat, code, lastBeat, lastPosition,
                        lastInstrument, declared);
                case MmtFields.INSTRUMENT -> {
                    if (rowType == MmtFields.INSTRUMENT_ROW && code > 0 && code < fields.sizes[field]) {
                        BitSet d = (BitSet) declared.clone();
                        d.set(code);
                        yield new State(0, phase, rowType, 0, 0, lastBeat, lastPosition, code, d);
                    }
                    if (rowType == MmtFields.NOTE) {
                        yield new State(0, phase, rowType, 0, 0, beat, position, lastInstrument, declared);
                    }
                    yield new State(0, phase, rowType, 0, 0, lastBeat, lastPosition, lastInstrument, declared);
                }
                default -> new State(nextField, phase, rowType, beat, position, lastBeat, lastPosition, lastInstrument,
                        declared);
            };
        }
    }
}
