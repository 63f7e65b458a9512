/**
 * Metrics of labelled evaluations: {@link io.github.affect4j.evaluation.ConfusionMatrix} tallies
 * true against predicted emotions and derives accuracy, per-class recall and precision, and the
 * unweighted average recall. Used by the CLI's {@code evaluate} command and by model training.
 */
package io.github.affect4j.evaluation;
