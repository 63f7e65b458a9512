package io.github.affect4j.discovery;

import io.github.affect4j.DetectorInfo;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.VoiceEmotionDetector;
import io.github.affect4j.VoiceEmotionStream;
import io.github.affect4j.media.AudioClip;

/** A voice detector that only knows who made it. */
final class StubVoiceDetector implements VoiceEmotionDetector {

    private final DetectorInfo info;

    StubVoiceDetector(String providerId) {
        this.info = new DetectorInfo(providerId, "voice stub", "none");
    }

    @Override
    public VoiceAnalysis analyze(AudioClip clip) {
        throw new UnsupportedOperationException("discovery tests do not analyse audio");
    }

    @Override
    public VoiceEmotionStream openStream(int sampleRate) {
        throw new UnsupportedOperationException("discovery tests do not analyse audio");
    }

    @Override
    public DetectorInfo info() {
        return info;
    }

    @Override
    public void close() {
    }
}
