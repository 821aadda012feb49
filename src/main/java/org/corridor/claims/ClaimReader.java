package org.corridor.claims;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * Reads the figures a report claims: the entry point of the package, for the command line and for the service
 * that stores reports. Built once over the places an operation knows (its sites, and a gazetteer if one is
 * given), it is immutable and may read any number of reports from any number of threads.
 */
public final class ClaimReader {
    private final PlaceIndex places;

    public ClaimReader(List<Place> places) {
        this.places = new PlaceIndex(places);
    }

    /**
     * The claims in {@code text}, in the order of the text.
     *
     * @param language the report's language, which names the places in the claims; null to tell it from the text
     * @param reportDate when the report was published, in the zone its "today" and "since midnight" mean; null
     *     when unknown, and then no claim has a time
     */
    public List<Claim> read(String text, Language language, ZonedDateTime reportDate) {
        List<Token> tokens = new Scanner(text).scanTokens();
        if (tokens.isEmpty()) {
            return List.of();
        }
        Language reading = language != null ? language : Language.detect(text);
        return new ClaimParser(text, tokens, places, reading, reportDate).parse();
    }
}
