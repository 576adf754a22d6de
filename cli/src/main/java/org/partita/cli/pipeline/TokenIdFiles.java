package org.partita.cli.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.partita.symbolic.npy.Npy;
import org.partita.tokenizers.Vocabulary;

/**
 * Reads a sequence of token ids from a file, by its name's ending:
 * <ul>
 *   <li>{@code .npy}: a C-order int32 little-endian array of any shape (numpy's {@code np.int32}), flattened;</li>
 *   <li>{@code .bin}: bare int32 little-endian ids, as in a token corpus shard;</li>
 *   <li>anything else: text, items separated by whitespace (one per line, as {@code tokenize --text}
 *       writes), each an integer id or a token string of the vocabulary ({@code Pitch_60}).</li>
 * </ul>
 * Ids are not range-checked here: decoding reports and skips unknown ids. Stateless.
 */
public final class TokenIdFiles {

    private TokenIdFiles() {
    }

    /** @throws IllegalArgumentException naming the file and the value when its content is not ids */
    public static int[] read(Path file, Vocabulary vocabulary) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        byte[] bytes = InputFile.readBytes(file, Limits.defaults().inputBytes());
        try {
            if (name.endsWith(".npy")) {
                return Npy.readInt32(bytes);
            }
            if (name.endsWith(".bin")) {
                return readBin(bytes);
            }
            return readText(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), vocabulary);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    static int[] readBin(byte[] bytes) {
        if (bytes.length % 4 != 0) {
            throw new IllegalArgumentException("a .bin id file holds int32 values, so its size must be a multiple of 4,"
                    + " got " + bytes.length + " bytes");
        }
        int[] ids = new int[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(ids);
        return ids;
    }

    static int[] readText(String text, Vocabulary vocabulary) {
        String[] items = text.strip().isEmpty() ? new String[0] : text.strip().split("\\s+");
        int[] ids = new int[items.length];
        for (int i = 0; i < items.length; i++) {
            ids[i] = parse(items[i], i, vocabulary);
        }
        return Arrays.copyOf(ids, ids.length);
    }

    private static int parse(String item, int index, Vocabulary vocabulary) {
        if (item.matches("-?\\d+")) {
            try {
                return Integer.parseInt(item);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("item " + (index + 1) + " '" + item + "' is not an int32 id", e);
            }
        }
        int id = vocabulary.id(item);
        if (id < 0) {
            throw new IllegalArgumentException("item " + (index + 1) + " '" + item
                    + "' is neither an integer id nor a token of the vocabulary");
        }
        return id;
    }
}
