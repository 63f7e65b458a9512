package io.github.affect4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BoundingBoxTest {

    @ParameterizedTest
    @CsvSource({"0, 5", "5, 0", "-3, 5", "5, -1"})
    void sizeMustBePositive(int width, int height) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BoundingBox(0, 0, width, height));
        assertEquals("box size must be positive, got " + width + "x" + height, e.getMessage());
    }

    @Test
    void negativeCornerIsAllowed() {
        BoundingBox box = new BoundingBox(-4, -6, 10, 20);
        assertEquals(1.0, box.centerX(), 0.0);
        assertEquals(4.0, box.centerY(), 0.0);
    }

    @Test
    void areaDoesNotOverflow() {
        assertEquals(10_000_000_000L, new BoundingBox(0, 0, 100_000, 100_000).area());
    }

    @Test
    void containsIncludesTheEdges() {
        BoundingBox box = new BoundingBox(10, 20, 30, 40);
        assertTrue(box.contains(10, 20));
        assertTrue(box.contains(40, 60));
        assertTrue(box.contains(25.5, 33.3));
        assertFalse(box.contains(9.99, 30));
        assertFalse(box.contains(20, 60.01));
    }

    @Test
    void iouOfKnownOverlaps() {
        BoundingBox a = new BoundingBox(0, 0, 10, 10);
        assertEquals(1.0, a.iou(new BoundingBox(0, 0, 10, 10)), 0.0);
        assertEquals(1.0 / 3, a.iou(new BoundingBox(5, 0, 10, 10)), 1e-12);
        assertEquals(1.0 / 3, new BoundingBox(5, 0, 10, 10).iou(a), 1e-12);
        assertEquals(0.25, a.iou(new BoundingBox(0, 0, 5, 5)), 1e-12);
        assertEquals(1.0 / 7, a.iou(new BoundingBox(5, 5, 10, 10)), 1e-12);
        assertEquals(0.0, a.iou(new BoundingBox(10, 0, 10, 10)), 0.0, "touching edges");
        assertEquals(0.0, a.iou(new BoundingBox(-50, -50, 10, 10)), 0.0, "disjoint");
    }

    @Test
    void farOutCoordinatesDoNotOverflow() {
        BoundingBox a = new BoundingBox(Integer.MAX_VALUE - 5, 0, 10, 10);
        BoundingBox b = new BoundingBox(Integer.MAX_VALUE - 10, 0, 10, 10);
        assertEquals(50.0 / 150, a.iou(b), 1e-12);
        assertTrue(a.contains(Integer.MAX_VALUE - 1.0, 5));
        assertEquals(Integer.MAX_VALUE, a.centerX(), 0.0);
    }
}
