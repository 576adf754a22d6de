package org.partita.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;
import org.partita.cli.pipeline.Limits;
import org.partita.cli.pipeline.ResourceGuards;

/**
 * Fuzz test of the model/training config parser ({@code train --config train.json}) and the model-size guard behind
 * it: any text gives settings or an {@link IllegalArgumentException}, never another exception or a hang; settings
 * the guard accepts describe a model within {@link Limits#modelParameters()}, and the estimate never overflows to a
 * negative or NaN size.
 *
 * <p>Seeds in {@code src/test/resources/org/partita/cli/TrainSettingsFuzzTestInputs/}. Fuzzing mode:
 * {@code JAZZER_FUZZ=1 ./mvnw -pl cli -am test -Dtest=TrainSettingsFuzzTest
 * -Djunit.jupiter.execution.timeout.mode=disabled -Dsurefire.failIfNoSpecifiedTests=false} (see docs/fuzzing.md).
 */
class TrainSettingsFuzzTest {

    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @FuzzTest(maxDuration = "5m")
    void anyTrainJsonGivesBoundedSettingsOrAnIllegalArgument(byte[] input) {
        String json = new String(input, StandardCharsets.UTF_8);
        TrainSettings settings;
        try {
            settings = TrainSettings.of(518, json);
        } catch (IllegalArgumentException refused) {
            assertNotNull(refused.getMessage());
            return;
        }
        double parameters = ResourceGuards.modelParameters(settings.model());
        assertTrue(parameters > 0 && !Double.isNaN(parameters), "parameter estimate " + parameters + " for " + json);
        try {
            ResourceGuards.checkModel(settings.model(), Limits.defaults());
        } catch (IllegalArgumentException refused) {
            assertTrue(parameters > Limits.defaults().modelParameters(), refused.getMessage());
            return;
        }
        assertTrue(parameters <= Limits.defaults().modelParameters());
    }
}
