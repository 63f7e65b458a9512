package io.github.affect4j.cli;

import java.io.IOException;

/** Writes analysis outcomes, one file at a time, as they complete. */
interface Report {

    void write(MediaAnalyzer.Outcome outcome) throws IOException;
}
