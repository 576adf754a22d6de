package org.partita.symbolic;

/**
 * The tempo and meter map of a score: converts ticks to seconds and to (bar, beat, tick in beat),
 * and back. Immutable and thread-safe; building one costs O(number of tempo and meter events) and
 * every lookup is a binary search.
 *
 * <h2>Tempo rules</h2>
 * <ul>
 *   <li>No tempo event: 120 bpm (500,000 µs per quarter) throughout. A tempo list whose first event
 *       is after tick 0 means 120 bpm from tick 0 until that event.</li>
 *   <li>Several tempo events at one tick: the last (in list order) wins.</li>
 *   <li>Seconds are exact piecewise-linear sums of {@code ticks * microsPerQuarter / ticksPerQuarter},
 *       computed in {@code double}; {@link #secondsToTick} is the inverse and returns a fractional tick.</li>
 * </ul>
 *
 * <h2>Meter rules</h2>
 * <ul>
 *   <li>No time-signature event: 4/4 throughout. A meter list whose first event is after tick 0 means
 *       4/4 from tick 0 until that event.</li>
 *   <li>A beat is one denominator note (an eighth in 6/8), as in MidiTok.</li>
 *   <li>Bars and beats are numbered from 0.</li>
 *   <li>A meter event always starts a new bar at its tick. If it falls inside a bar, the bar before it
 *       is a short (partial) bar; its beats keep their normal numbers counted from the bar's start.
 *       That is how MIDI files express odd bars and many pickups.</li>
 *   <li>Several meter events at one tick: the last (in list order) wins.</li>
 *   <li>Optional pickup ({@link #withPickupTicks}): bar 0 becomes an anacrusis of {@code pickupTicks}
 *       ticks whose beats are numbered as the <em>last</em> beats of a full bar of the opening meter
 *       (a one-beat pickup in 4/4 is beat 3); bar 1 starts at {@code pickupTicks}. The pickup must be
 *       shorter than one bar and must not pass the first meter change.</li>
 *   <li>Bars and beats may be fractions of a tick at tiny resolutions; positions are computed exactly
 *       (in sixteenths of a tick). {@link #barStartTick} rounds a fractional bar start <em>up</em> to
 *       the first whole tick inside the bar, so {@code barAt(barStartTick(b)) == b} whenever bars are
 *       at least one tick long; {@link #barStartTickExact} gives the unrounded value.</li>
 * </ul>
 *
 * <p>Ticks are non-negative; a negative tick, bar or time raises {@link IllegalArgumentException}.
 */
public final class TimeGrid {

    private final int ticksPerQuarter;
    private final TempoMap tempoMap;
    private final MeterMap meterMap;

    private TimeGrid(int ticksPerQuarter, TempoMap tempoMap, MeterMap meterMap) {
        this.ticksPerQuarter = ticksPerQuarter;
        this.tempoMap = tempoMap;
        this.meterMap = meterMap;
    }

    /** The grid of {@code score}'s tempo and meter maps, without a pickup. */
    public static TimeGrid of(Score score) {
        int tpq = score.ticksPerQuarter();
        return new TimeGrid(tpq, TempoMap.of(tpq, score.tempos()), MeterMap.of(tpq, score.timeSignatures()));
    }

    /**
     * A copy whose bar 0 is a pickup (anacrusis) of {@code pickupTicks} ticks; 0 removes the pickup.
     *
     * @throws IllegalArgumentException if {@code pickupTicks} is negative, at least one bar of the
     *     opening meter long, or later than the first meter change
     */
    public TimeGrid withPickupTicks(long pickupTicks) {
        return new TimeGrid(ticksPerQuarter, tempoMap, meterMap.withPickupTicks(pickupTicks));
    }

    /** Length of the pickup bar in ticks; 0 when there is none. */
    public long pickupTicks() {
        return meterMap.pickupTicks();
    }

    /** The resolution this grid was built for. */
    public int ticksPerQuarter() {
        return ticksPerQuarter;
    }

    /** Seconds from tick 0 to {@code tick} through the tempo map. */
    public double tickToSeconds(long tick) {
        return tempoMap.tickToSeconds(tick);
    }

    /** The (fractional) tick at {@code seconds}; the inverse of {@link #tickToSeconds}. */
    public double secondsToTick(double seconds) {
        return tempoMap.secondsToTick(seconds);
    }

    /**
     * The tempo in force at {@code tick}: the last tempo event at or before it, or a 120 bpm
     * {@link TempoChange} at tick 0 when there is none.
     */
    public TempoChange tempoAt(long tick) {
        return tempoMap.tempoAt(tick);
    }

    /**
     * The meter in force at {@code tick}: the last time-signature event at or before it, or
     * {@link TimeSignature#DEFAULT} (4/4 at tick 0) when there is none.
     */
    public TimeSignature meterAt(long tick) {
        return meterMap.meterAt(tick);
    }

    /** Beats in a full bar of the meter in force at {@code tick} (its numerator). */
    public int beatsPerBar(long tick) {
        return meterAt(tick).numerator();
    }

    /** Ticks in one beat of the meter in force at {@code tick}; fractional at tiny resolutions. */
    public double ticksPerBeat(long tick) {
        return meterAt(tick).ticksPerBeat(ticksPerQuarter);
    }

    /** The 0-based bar containing {@code tick}. */
    public int barAt(long tick) {
        return meterMap.barAt(tick);
    }

    /** The bar, beat and offset in the beat of {@code tick}. */
    public BarBeat barBeatAt(long tick) {
        return meterMap.barBeatAt(tick);
    }

    /** The first whole tick of {@code bar} (its exact start rounded up). */
    public long barStartTick(int bar) {
        return meterMap.barStartTick(bar);
    }

    /** The exact start of {@code bar} in ticks, fractional only at tiny resolutions. */
    public double barStartTickExact(int bar) {
        return meterMap.barStartTickExact(bar);
    }

    /**
     * The exact tick of a metrical position; the inverse of {@link #barBeatAt}.
     *
     * @throws IllegalArgumentException if the beat or offset is outside the bar, including beats a
     *     partial bar does not have (a one-beat pickup in 4/4 has only beat 3)
     */
    public double tickOf(BarBeat position) {
        return meterMap.tickOf(position);
    }

    @Override
    public String toString() {
        return "TimeGrid[ticksPerQuarter=" + ticksPerQuarter + ", pickupTicks=" + pickupTicks() + "]";
    }
}
