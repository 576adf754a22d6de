package org.partita.midi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VlqTest {

    /** The example table of the Standard MIDI File 1.0 specification ("Variable-length quantities"). */
    @ParameterizedTest(name = "0x{0} -> {1}")
    @CsvSource({
        "00000000, 00",
        "00000040, 40",
        "0000007F, 7F",
        "00000080, 8100",
        "00002000, C000",
        "00003FFF, FF7F",
        "00004000, 818000",
        "00100000, C08000",
        "001FFFFF, FFFF7F",
        "00200000, 81808000",
        "08000000, C0808000",
        "0FFFFFFF, FFFFFF7F",
    })
    void encodesTheSpecificationExamples(String valueHex, String bytesHex) {
        long value = Long.parseLong(valueHex, 16);
        assertArrayEquals(HexFormat.of().parseHex(bytesHex.toLowerCase()), Vlq.encode(value));
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 0x1000_0000L, Long.MAX_VALUE})
    void refusesValuesFourBytesCannotHoldNamingTheValue(long value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Vlq.encode(value));
        assertTrue(e.getMessage().contains("got " + value), e.getMessage());
    }
}
