package org.partita.symbolic.staccato;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Random texts over Staccato's characters are read or refused with a StaccatoSyntaxException, never anything else. */
class StaccatoReaderGarbageTest {

    private static final String[] PIECES = {"C", "D", "E", "b", "#", "n", "5", "10", "9", "q", "i", "w", "h", "s", "t",
        "x", "o", ".", "*", "3", ":", "2", "/", "0.25", "-", "+", "_", "a", "d", "80", "maj", "min7", "dom7", "^",
        "R", "[", "]", "Bass_Drum", "V", "L", "I", "T", "KEY:", "TIME:", "|", "#", " ", " ", "\n", "999999999",
        "0.3333333333333", "*7:4", "*11:8", "*13:8", "w99"};

    @Test
    void randomTextsAreReadOrRefusedWithAPosition() {
        SplittableRandom random = new SplittableRandom(20261206);
        int read = 0;
        int refused = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(40);
            for (int k = 0; k < length; k++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            try {
                StaccatoReader.defaults().read(text.toString());
                read++;
            } catch (StaccatoSyntaxException e) {
                assertTrue(e.line() >= 1 && e.column() >= 1, e.getMessage());
                refused++;
            } catch (RuntimeException e) {
                fail("text " + text + " threw " + e, e);
            }
        }
        assertTrue(read > 100 && refused > 100, "read " + read + ", refused " + refused);
    }
}
