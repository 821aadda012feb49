package org.corridor.operation;

import org.corridor.core.Fields;

/** A human-facing name in English and Arabic; at least one of the two is present. */
public record LocalizedName(String en, String ar) {
    public LocalizedName {
        if (en == null && ar == null) {
            throw new IllegalArgumentException("a name needs English or Arabic text");
        }
    }

    /** The name in `language` ("ar" or "en"), falling back to the other. */
    public String in(String language) {
        if ("ar".equals(language)) {
            return ar != null ? ar : en;
        }
        return en != null ? en : ar;
    }

    static LocalizedName read(Fields parent, String field, boolean required) {
        Fields name = parent.object(field, required);
        if (name == null) {
            return null;
        }
        name.refuseUnknown(java.util.Set.of("en", "ar"));
        String en = name.optionalText("en");
        String ar = name.optionalText("ar");
        if (en == null && ar == null) {
            if (!name.has("en") && !name.has("ar")) {
                parent.problems().add(name.path(), "needs at least one of en and ar");
            }
            return null;
        }
        return new LocalizedName(en, ar);
    }
}
