/** What every part of Corridor shares: the failure types and the small values they carry. */
package org.corridor.core;
