/**
 * The application service: the ledger and the live tallies of every operation kept in step, behind the operations
 * that the HTTP API and the command line both offer.
 */
package org.corridor.service;
