package io.github.affect4j.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Consent shows everything; otherwise enough faces together in one frame show aggregates. */
class DisclosureTest {

    @Test
    void consentDisclosesEvenASingleFace() {
        assertThat(Disclosure.of(true, 1, 3).level()).isEqualTo("consented");
        assertThat(Disclosure.of(true, 0, 3).shown()).isTrue();
    }

    @Test
    void withoutConsentTheMinimumDecides() {
        assertThat(Disclosure.of(false, 3, 3).level()).isEqualTo("aggregate");
        Disclosure withheld = Disclosure.of(false, 2, 3);
        assertThat(withheld.shown()).isFalse();
        assertThat(withheld.reason()).contains("at most 2 face(s)").contains("minimum of 3");
        assertThat(Disclosure.of(false, 0, 1).shown()).isFalse();
    }
}
