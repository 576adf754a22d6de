package org.partita.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every per-step array must die with its step's sub-manager; only parameters and moments stay. */
class NativeMemoryScopeTest {
    @Test
    void trainingStepsLeaveOnlyParametersAndMoments() {
        TransformerConfig c = new TransformerConfig(20, 16, 32, 2, 2, 0.1, PositionalEncoding.ROTARY, false);
        try (TransformerModel model = TransformerModel.create(c, 1);
             AdamW opt = new AdamW(model.parameters(), 0.9, 0.95, 1e-8, 0.1)) {
            int params = model.parameters().size();
            int[][] batch = new int[3][17];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 17; j++) {
                    batch[i][j] = (i + j) % 20;
                }
            }
            for (int step = 0; step < 5; step++) {
                Trainer.trainStep(model, opt, batch, 0, 1e-3, 1.0, DropoutMasks.forStep(c.dropout(), step));
                assertEquals(params, model.ownedArrayCount(), "model arrays after step " + step);
                assertEquals(2 * params, opt.ownedArrayCount(), "optimizer arrays after step " + step);
            }
            Trainer.evaluate(model, List.of(batch), 2, 0);
            assertEquals(params, model.ownedArrayCount());
        }
    }

    @Test
    void generationLeavesOnlyParameters() {
        try (TransformerModel model = TransformerModel.create(TransformerModelTest.tiny(PositionalEncoding.LEARNED), 2)) {
            int params = model.parameters().size();
            new Generator(model, 1, 2).generate(new int[] {1, 2, 3},
                    GenerationConfig.defaults().withMaxNewTokens(30).withStopAtEos(false).withSamples(2), null);
            model.attention(new int[] {1, 2, 3});
            model.logits(new int[] {1, 2, 3});
            assertEquals(params, model.ownedArrayCount());
        }
    }
}
