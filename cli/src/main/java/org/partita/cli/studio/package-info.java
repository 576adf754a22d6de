/**
 * {@code partita studio}: a local web sketchpad over the generation pipeline. {@link org.partita.cli.studio.StudioServer}
 * serves the page (plain JS/CSS from the jar's {@code studio/} resources) and the JSON API of docs/studio.md;
 * {@link org.partita.cli.studio.StudioModel} holds the token model loaded once; {@link org.partita.cli.studio.GenerationPool}
 * bounds the work; {@link org.partita.cli.studio.RollModels} is where the piano-roll model (harmonize, infill) plugs in.
 * Never prints: the command reports progress through callbacks.
 */
package org.partita.cli.studio;
