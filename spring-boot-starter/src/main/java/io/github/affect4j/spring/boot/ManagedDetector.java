package io.github.affect4j.spring.boot;

/**
 * What the starter's face and voice detector beans share: the {@link DetectorSlot} every call
 * goes through, and the start-up status it recorded.
 *
 * @param <D> the kind of detector wrapped
 */
abstract class ManagedDetector<D extends AutoCloseable> {

    final DetectorSlot<D> slot;

    ManagedDetector(DetectorSlot<D> slot) {
        this.slot = slot;
    }

    /** What runs, or why nothing does. */
    final DetectorStatus status() {
        return slot.status();
    }

    /** The class name and the status, for logs. */
    @Override
    public final String toString() {
        return getClass().getSimpleName() + slot.status();
    }
}
