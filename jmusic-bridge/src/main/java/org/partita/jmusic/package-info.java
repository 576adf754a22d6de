/**
 * jMusic ({@code jm.music.data.Score}) to and from Partita ({@link org.partita.symbolic.Score}), in memory.
 * GPL-2.0-or-later like jMusic (see this module's LICENSE.md); no other Partita module depends on it. Never uses
 * jMusic's file input or output, which ends the JVM on bad files.
 */
package org.partita.jmusic;
