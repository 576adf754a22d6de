package org.partita.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WriteOptionsTest {

    @Test
    void defaultsAre480TicksPerQuarter() {
        assertEquals(480, WriteOptions.defaults().ticksPerQuarter());
    }

    @Test
    void withTicksPerQuarterReturnsACopyAndLeavesTheOriginal() {
        WriteOptions base = WriteOptions.defaults();
        WriteOptions changed = base.withTicksPerQuarter(96);
        assertEquals(96, changed.ticksPerQuarter());
        assertEquals(480, base.ticksPerQuarter());
    }

    @Test
    void acceptsTheWholeDivisionRange() {
        assertEquals(1, new WriteOptions(1).ticksPerQuarter());
        assertEquals(32767, new WriteOptions(32767).ticksPerQuarter());
    }

    @Test
    void refusesResolutionsTheHeaderCannotHoldNamingTheValue() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> new WriteOptions(0));
        assertTrue(zero.getMessage().contains("got 0"), zero.getMessage());
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class, () -> new WriteOptions(32768));
        assertTrue(big.getMessage().contains("got 32768"), big.getMessage());
    }
}
