/**
 * The HTTP API of CONTRACT §4: routes per feature, one place that turns failures into problem+json responses, and
 * the stream of tallies as server-sent events.
 */
package org.corridor.http;
