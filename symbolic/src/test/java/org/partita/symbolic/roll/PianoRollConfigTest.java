package org.partita.symbolic.roll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class PianoRollConfigTest {

    @Test
    void defaultsAreTwentyFourStepsVelocitiesAllPlanes() {
        PianoRollConfig c = PianoRollConfig.defaults();
        assertEquals(24, c.stepsPerQuarter());
        assertEquals(RollValues.VELOCITY, c.values());
        assertEquals(EnumSet.allOf(RollPlane.class), c.planes());
    }

    @Test
    void stepsPerQuarterOutOfRangeIsRefusedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PianoRollConfig.defaults().withStepsPerQuarter(0));
        assertTrue(e.getMessage().contains("stepsPerQuarter") && e.getMessage().contains("got 0"), e.getMessage());
    }

    @Test
    void planesWithoutFrameAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PianoRollConfig.defaults().withPlanes(EnumSet.of(RollPlane.ONSET)));
        assertTrue(e.getMessage().contains("FRAME"), e.getMessage());
    }

    @Test
    void withCopiesLeaveTheOriginalUnchanged() {
        PianoRollConfig c = PianoRollConfig.defaults();
        c.withStepsPerQuarter(4).withValues(RollValues.BINARY);
        assertEquals(PianoRollConfig.defaults(), c);
    }
}
