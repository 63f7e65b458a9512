package io.github.affect4j.voice.onnx;

import io.github.affect4j.VoiceAffect;
import io.github.affect4j.voice.features.SpeakerBaseline;
import io.github.affect4j.voice.features.SpeechFeatures;
import java.util.List;

/**
 * One loaded voice model as the detector sees it: speech spans in, affect out. A feature
 * classifier reads the spans' feature vectors, a waveform model their samples. One instance is
 * shared by all threads; closing is guarded by the owning detector.
 */
interface AffectModel extends AutoCloseable {

    /** Per clip or stream state (a speaker baseline), or null when the model keeps none. */
    SpeakerBaseline newBaseline();

    /**
     * The affect of each segment, read in order against the baseline (which is updated), then,
     * when {@code summary} is not null, that of the whole clip's speech (never centred).
     *
     * @throws io.github.affect4j.AnalysisException if the model fails
     */
    List<VoiceAffect> read(List<SpeechFeatures> segments, SpeakerBaseline baseline,
                           SpeechFeatures summary);

    /** Whether the spans must carry their samples. */
    boolean readsSamples();

    /** The method, for {@code DetectorInfo}. */
    String method();

    /** File, checksum and card name, for {@code DetectorInfo}. */
    String describe();

    @Override
    void close();
}
