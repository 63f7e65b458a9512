package io.github.affect4j.server.reports;

/**
 * How much of a session's affect may be shown. Faces are never tracked across frames, so the
 * only safe lower bound on how many people contributed is the largest number of faces seen
 * together in one frame: aggregates are shown when that reaches the configured minimum.
 *
 * @param level {@code consented} (the session recorded consent: everything may be shown),
 *     {@code aggregate} (enough faces together: group aggregates), or {@code withheld}
 * @param reason why aggregates are withheld; absent otherwise
 */
record Disclosure(String level, String reason) {

    static Disclosure of(boolean consent, int maxFacesInFrame, int minFaces) {
        if (consent) {
            return new Disclosure("consented", null);
        }
        if (maxFacesInFrame >= minFaces) {
            return new Disclosure("aggregate", null);
        }
        return new Disclosure("withheld", "Aggregates are withheld: at most " + maxFacesInFrame
                + " face(s) appeared together in a frame, fewer than the minimum of " + minFaces
                + " (affect4j.privacy.min-faces), and the session has no recorded consent");
    }

    boolean shown() {
        return !level.equals("withheld");
    }
}
