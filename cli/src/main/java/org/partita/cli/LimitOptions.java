package org.partita.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.partita.cli.pipeline.Limits;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --resource-limit NAME=N} option, mixed into every command that checks resource limits
 * ({@code @Mixin LimitOptions limits;} then {@code limits.get()}).
 */
final class LimitOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--resource-limit", paramLabel = "NAME=N", description = "Raise or lower a resource limit (repeatable): "
            + "input-bytes, roll-cells, tokens-per-file, generated-pieces, generated-tokens, model-parameters. "
            + "See docs/cli.md#resource-policy.")
    private Map<String, Long> values = new LinkedHashMap<>();

    /** The limits in force: the defaults with the {@code --resource-limit} options applied. */
    Limits get() {
        try {
            return Limits.of(values);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
