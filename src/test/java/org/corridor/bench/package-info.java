/** Benchmarks (JMH) and their data generators; run by bench/run, never as part of the unit tests. */
package org.corridor.bench;
