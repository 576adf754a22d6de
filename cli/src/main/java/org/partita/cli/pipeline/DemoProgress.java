package org.partita.cli.pipeline;

import org.partita.training.TrainingListener;

/** Receives what {@link DemoPipeline} is doing; the pipeline never prints. Defaults do nothing. */
public interface DemoProgress {

    /** A stage begins: {@code "corpus"}, {@code "tokenize"}, {@code "train"}, {@code "generate"}. */
    default void stage(String name, String detail) {
    }

    /** Receives the training run's events. */
    default TrainingListener training() {
        return TrainingListener.NONE;
    }

    DemoProgress NONE = new DemoProgress() { };
}
