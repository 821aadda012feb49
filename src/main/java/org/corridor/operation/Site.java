package org.corridor.operation;

import java.util.List;

/** A place: an origin, a destination, a checkpoint on the way, a crossing or a reception centre. */
public record Site(
        String id,
        LocalizedName name,
        SiteKind kind,
        double latitude,
        double longitude,
        String pcode,
        List<LocalizedName> aliases) {
    public Site {
        aliases = List.copyOf(aliases);
    }
}
