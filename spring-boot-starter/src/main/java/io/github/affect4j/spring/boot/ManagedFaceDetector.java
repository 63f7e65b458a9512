package io.github.affect4j.spring.boot;

import io.github.affect4j.DetectorInfo;
import io.github.affect4j.FaceAnalysis;
import io.github.affect4j.FaceEmotionDetector;
import io.github.affect4j.FaceResult;
import io.github.affect4j.media.ImageFrame;
import java.util.List;

/**
 * The face detector bean the starter makes: the detector built from {@code affect4j.face.*},
 * measured, or a stand-in whose calls throw {@link io.github.affect4j.DetectorUnavailableException}
 * when none could be built. Thread-safe, like the detector it wraps.
 */
final class ManagedFaceDetector extends ManagedDetector<FaceEmotionDetector>
        implements FaceEmotionDetector {

    ManagedFaceDetector(DetectorSlot<FaceEmotionDetector> slot) {
        super(slot);
    }

    @Override
    public FaceAnalysis analyze(ImageFrame image) {
        return slot.call("analyze", detector -> detector.analyze(image),
                analysis -> analysis.faces().size());
    }

    @Override
    public FaceResult analyzeFace(ImageFrame faceCrop) {
        return slot.call("analyzeFace", detector -> detector.analyzeFace(faceCrop), face -> 1);
    }

    @Override
    public List<FaceResult> analyzeFaces(List<ImageFrame> faceCrops) {
        // Delegated whole: the wrapped detector may batch the crops.
        return slot.call("analyzeFaces", detector -> detector.analyzeFaces(faceCrops), List::size);
    }

    @Override
    public DetectorInfo info() {
        return slot.info(FaceEmotionDetector::info);
    }

    @Override
    public void close() {
        slot.close(FaceEmotionDetector::close);
    }
}
