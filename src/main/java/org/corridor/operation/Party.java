package org.corridor.operation;

/** A side to an agreement (the armed opposition, a government, a guarantor state). */
public record Party(String id, LocalizedName name) {}
