/**
 * Tokenizers: turn a {@link org.partita.symbolic.Score} into token ids and back. Pure logic: no
 * file or console I/O, no static mutable state.
 */
package org.partita.tokenizers;
