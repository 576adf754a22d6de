package org.partita.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GmProgramTest {

    @Test
    void namesFollowTheGmSoundSetCountedFromZero() {
        assertEquals("Acoustic Grand Piano", GmProgram.name(0));
        assertEquals("Acoustic Guitar (nylon)", GmProgram.name(24));
        assertEquals("Violin", GmProgram.name(40));
        assertEquals("Trumpet", GmProgram.name(56));
        assertEquals("Flute", GmProgram.name(73));
        assertEquals("Gunshot", GmProgram.name(127));
    }

    @Test
    void everyProgramHasADistinctName() {
        Set<String> names = new HashSet<>();
        for (int p = 0; p < 128; p++) {
            names.add(GmProgram.name(p));
        }
        assertEquals(128, names.size());
    }

    @Test
    void familiesGroupEightPrograms() {
        assertEquals("Piano", GmProgram.family(7));
        assertEquals("Chromatic Percussion", GmProgram.family(8));
        assertEquals("Sound Effects", GmProgram.family(120));
    }

    @Test
    void programOutsideRangeIsRefusedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GmProgram.name(128));
        assertTrue(e.getMessage().contains("got 128"), e.getMessage());
    }

    @Test
    void pitchNamesPutMiddleCAt60() {
        assertEquals("C4", PitchName.of(60));
        assertEquals("A4", PitchName.of(69));
        assertEquals("C#4", PitchName.of(61));
        assertEquals("C-1", PitchName.of(0));
        assertEquals("G9", PitchName.of(127));
        assertTrue(PitchName.isBlackKey(61));
        assertFalse(PitchName.isBlackKey(64));
        assertThrows(IllegalArgumentException.class, () -> PitchName.of(-1));
    }
}
