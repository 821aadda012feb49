/**
 * Personal data beside observations (CONTRACT §8): the names of detained or injured people, checked against the
 * salted digest the observation carries, sealed with AES-256-GCM under the server's persons key, and opened only for
 * those the policy lets read them.
 */
package org.corridor.persons;
