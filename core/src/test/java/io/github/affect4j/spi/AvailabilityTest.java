package io.github.affect4j.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AvailabilityTest {

    @Test
    void readyHasNoReason() {
        assertTrue(Availability.ready().available());
        assertEquals("", Availability.ready().reason());
    }

    @Test
    void unavailableKeepsItsReason() {
        Availability availability = Availability.unavailable("model file /x.onnx not found");
        assertFalse(availability.available());
        assertEquals("model file /x.onnx not found", availability.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void unavailableMustSayWhy(String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Availability.unavailable(reason));
        assertEquals("an unavailable provider must say why", e.getMessage());
        assertThrows(NullPointerException.class, () -> Availability.unavailable(null));
    }
}
