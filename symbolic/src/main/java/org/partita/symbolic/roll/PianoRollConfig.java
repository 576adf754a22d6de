package org.partita.symbolic.roll;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How to build a {@link PianoRoll}: time resolution, cell values and which planes to keep.
 * Immutable; change it with the {@code withX} copies.
 *
 * <p>{@code stepsPerQuarter} counts steps per <em>quarter note</em>, whatever the meter says (in 6/8
 * a step is still 1/24 of a quarter at the default), as pypianoroll's and MusPy's "resolution per
 * beat" do. The meter is used only for downbeat and beat marks.
 *
 * @param stepsPerQuarter time steps per quarter note, 1..960 (default 24)
 * @param values          what a cell holds (default {@link RollValues#VELOCITY})
 * @param planes          planes to keep; must contain {@link RollPlane#FRAME} (default all three).
 *                        Leaving out planes saves memory; without {@code ONSET}, decoding merges
 *                        repeated notes into one.
 */
public record PianoRollConfig(int stepsPerQuarter, RollValues values, Set<RollPlane> planes) {

    /** The default time resolution, as in the MusPy/pypianoroll comparisons. */
    public static final int DEFAULT_STEPS_PER_QUARTER = 24;
    /** The largest resolution accepted: one step per tick of a 960-PPQ file. */
    public static final int MAX_STEPS_PER_QUARTER = 960;

    public PianoRollConfig {
        if (stepsPerQuarter < 1 || stepsPerQuarter > MAX_STEPS_PER_QUARTER) {
            throw new IllegalArgumentException("stepsPerQuarter must be in 1.." + MAX_STEPS_PER_QUARTER + ", got "
                    + stepsPerQuarter);
        }
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(planes, "planes");
        if (!planes.contains(RollPlane.FRAME)) {
            throw new IllegalArgumentException("planes must contain FRAME, got " + planes);
        }
        planes = Set.copyOf(EnumSet.copyOf(planes));
    }

    /** 24 steps per quarter, velocities, all three planes. */
    public static PianoRollConfig defaults() {
        return new PianoRollConfig(DEFAULT_STEPS_PER_QUARTER, RollValues.VELOCITY, EnumSet.allOf(RollPlane.class));
    }

    public PianoRollConfig withStepsPerQuarter(int newStepsPerQuarter) {
        return new PianoRollConfig(newStepsPerQuarter, values, planes);
    }

    public PianoRollConfig withValues(RollValues newValues) {
        return new PianoRollConfig(stepsPerQuarter, newValues, planes);
    }

    public PianoRollConfig withPlanes(Set<RollPlane> newPlanes) {
        return new PianoRollConfig(stepsPerQuarter, values, newPlanes);
    }

    /** True when the plane is kept. */
    public boolean has(RollPlane plane) {
        return planes.contains(plane);
    }
}
