/** Observations: the nine types monitors send, reading them field by field and checking them against the operation. */
package org.corridor.observation;
