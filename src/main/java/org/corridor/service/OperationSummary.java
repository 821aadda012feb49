package org.corridor.service;

import org.corridor.operation.LocalizedName;

/** An operation as listed: its id and name. */
public record OperationSummary(String id, LocalizedName name) {}
