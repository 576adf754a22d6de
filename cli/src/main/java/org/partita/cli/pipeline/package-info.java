/**
 * Application services of the {@code partita} command: the work that needs MIDI reading, tokenizers
 * and token corpora together (only the cli module sees all three), kept out of the picocli commands
 * so that commands stay thin (parse options into a config record, make one call, print). Nothing
 * here prints or exits; progress goes to a callback.
 */
package org.partita.cli.pipeline;
