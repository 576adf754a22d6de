/** DJL models, datasets, training and generation. DJL types never leave this module. */
package org.partita.training;
