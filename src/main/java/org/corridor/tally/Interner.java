package org.corridor.tally;

import java.util.HashMap;
import java.util.Map;

/** Shares one string per distinct id, so that a million facts naming a few hundred convoys hold a few hundred strings. */
final class Interner {
    private final Map<String, String> strings = new HashMap<>();

    String intern(String text) {
        if (text == null) {
            return null;
        }
        String shared = strings.putIfAbsent(text, text);
        return shared == null ? text : shared;
    }
}
