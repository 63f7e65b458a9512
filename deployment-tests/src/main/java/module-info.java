/**
 * The deployment tests' probe: an application module that requires only the affect4j API and
 * finds the detectors through {@link java.util.ServiceLoader} on the module path. Not published.
 */
module io.github.affect4j.deployment {
    requires io.github.affect4j.core;
}
