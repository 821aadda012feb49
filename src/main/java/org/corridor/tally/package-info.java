/**
 * The numbers: tallies, convoy states, movement status and alerts, as pure functions of (operation, observations,
 * time). Nothing here reads a clock, a database or JSON.
 */
package org.corridor.tally;
