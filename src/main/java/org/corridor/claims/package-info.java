/**
 * Reading the figures that reports and statements claim, in Arabic and English: a pipeline in the manner of an
 * interpreter. {@link org.corridor.claims.Scanner} turns text into normalised tokens that remember where they
 * stand in the input; {@link org.corridor.claims.FigureParser} reads numbers by grammar rules (number words in
 * every case and gender, digits of three scripts, scale words, approximations, bounds, ranges) and sets aside
 * what only looks like a figure (dates, clock times, percentages, durations, ordinals, years, identifiers);
 * {@link org.corridor.claims.ClaimParser} gives each figure its unit, event, modality, places, source and time.
 * {@link org.corridor.claims.ClaimReader} is the entry point.
 *
 * <p>Pure: no clock, no files, no storage. The words it knows are in {@link org.corridor.claims.Lexicon}, but for
 * the few that only one stage uses (reporting verbs, expressions of time); the place names it matches are given to
 * it.
 */
package org.corridor.claims;
