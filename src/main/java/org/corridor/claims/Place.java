package org.corridor.claims;

import java.util.ArrayList;
import java.util.List;
import org.corridor.operation.LocalizedName;
import org.corridor.operation.Site;

/**
 * A place the reader may find in a report: an operation's site or a gazetteer entry, with every name it goes by.
 *
 * @param id the site's id, or the gazetteer's P-code
 * @param name how a claim names it, in English and Arabic
 * @param aliases other names, in any language
 */
public record Place(String id, LocalizedName name, List<String> aliases) {
    public Place {
        aliases = List.copyOf(aliases);
    }

    /** The place as an operation defines it: its name and its aliases in both languages. */
    public static Place of(Site site) {
        List<String> aliases = new ArrayList<>();
        for (LocalizedName alias : site.aliases()) {
            if (alias.en() != null) {
                aliases.add(alias.en());
            }
            if (alias.ar() != null) {
                aliases.add(alias.ar());
            }
        }
        return new Place(site.id(), site.name(), aliases);
    }

    /** Every name: English, Arabic, then the aliases. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        if (name.en() != null) {
            names.add(name.en());
        }
        if (name.ar() != null) {
            names.add(name.ar());
        }
        names.addAll(aliases);
        return names;
    }
}
