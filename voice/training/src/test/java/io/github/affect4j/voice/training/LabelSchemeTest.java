package io.github.affect4j.voice.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.affect4j.Emotion;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** File-name coding schemes of the common acted corpora, folders and speaker patterns. */
class LabelSchemeTest {

    private static LabelScheme.Parsed auto(String path) {
        return LabelScheme.AUTO.parse(Path.of(path), null).orElseThrow();
    }

    @Test
    void ravdess() {
        LabelScheme.Parsed p = auto("Actor_12/03-01-05-01-02-01-12.wav");
        assertEquals(LabelScheme.RAVDESS, p.scheme());
        assertEquals(Optional.of(Emotion.ANGER), p.emotion());
        assertEquals(Optional.of("actor12"), p.speaker());
        assertEquals(Optional.of(Emotion.NEUTRAL), auto("03-01-02-02-01-01-01.wav").emotion());
        assertEquals(Optional.of(Emotion.SURPRISE), auto("03-01-08-02-01-01-01.wav").emotion());
    }

    @Test
    void emoDb() {
        LabelScheme.Parsed p = auto("wav/03a01Fa.wav");
        assertEquals(LabelScheme.EMODB, p.scheme());
        assertEquals(Optional.of(Emotion.HAPPINESS), p.emotion());
        assertEquals(Optional.of("speaker03"), p.speaker());
        assertEquals(Optional.of(Emotion.ANGER), auto("16b10Wb.wav").emotion());
        // Boredom has no category: reported, not misfiled.
        LabelScheme.Parsed boredom = auto("11a02Ld.wav");
        assertEquals("boredom", boredom.label());
        assertTrue(boredom.emotion().isEmpty());
    }

    @Test
    void cremaD() {
        LabelScheme.Parsed p = auto("AudioWAV/1001_DFA_ANG_XX.wav");
        assertEquals(LabelScheme.CREMA_D, p.scheme());
        assertEquals(Optional.of(Emotion.ANGER), p.emotion());
        assertEquals(Optional.of("actor1001"), p.speaker());
        assertEquals(Optional.of(Emotion.FEAR), auto("1091_IEO_FEA_HI.wav").emotion());
    }

    @Test
    void tess() {
        LabelScheme.Parsed p = auto("OAF_angry/OAF_back_angry.wav");
        assertEquals(LabelScheme.TESS, p.scheme());
        assertEquals(Optional.of(Emotion.ANGER), p.emotion());
        assertEquals(Optional.of("OAF"), p.speaker());
        assertEquals(Optional.of(Emotion.SURPRISE), auto("YAF_dog_ps.wav").emotion());
    }

    @Test
    void folderAndSpeakerPattern() {
        LabelScheme.Parsed p = auto("/data/happy/clip7.wav");
        assertEquals(LabelScheme.FOLDER, p.scheme());
        assertEquals(Optional.of(Emotion.HAPPINESS), p.emotion());
        assertTrue(p.speaker().isEmpty());
        LabelScheme.Parsed withSpeaker = LabelScheme.FOLDER.parse(Path.of("/data/sad/spk04_3.wav"),
                Pattern.compile("^(?<speaker>spk\\d+)_")).orElseThrow();
        assertEquals(Optional.of("spk04"), withSpeaker.speaker());
        assertEquals(Optional.of("07"), LabelScheme.AUTO.parse(Path.of("x/angry/s07-a.wav"),
                Pattern.compile("s(\\d+)")).orElseThrow().speaker());
        assertTrue(LabelScheme.AUTO.parse(Path.of("/data/misc/clip.wav"), null).isEmpty());
        assertTrue(LabelScheme.RAVDESS.parse(Path.of("/data/happy/clip7.wav"), null).isEmpty());
    }

    @Test
    void codesAreFoundAfterOrBeforeOtherText() {
        LabelScheme.Parsed ravdess = auto("x/ravdess__03-01-05-01-01-02-01.wav");
        assertEquals(LabelScheme.RAVDESS, ravdess.scheme());
        assertEquals(Optional.of(Emotion.ANGER), ravdess.emotion());
        assertEquals(Optional.of("actor01"), ravdess.speaker());
        assertEquals(Optional.of("actor07"), auto("03-01-04-02-01-01-07_denoised.wav").speaker());
        assertEquals(Optional.of(Emotion.SADNESS),
                auto("03-01-04-02-01-01-07_denoised.WAV").emotion());

        LabelScheme.Parsed emoDb = auto("emodb-03a01Fa.wav");
        assertEquals(LabelScheme.EMODB, emoDb.scheme());
        assertEquals(Optional.of("speaker03"), emoDb.speaker());
        assertEquals(Optional.of(Emotion.HAPPINESS), emoDb.emotion());

        LabelScheme.Parsed crema = auto("crema_1001_DFA_ANG_XX.wav");
        assertEquals(LabelScheme.CREMA_D, crema.scheme());
        assertEquals(Optional.of("actor1001"), crema.speaker());

        LabelScheme.Parsed tess = auto("tess-YAF_dog_ps.wav");
        assertEquals(LabelScheme.TESS, tess.scheme());
        assertEquals(Optional.of("YAF"), tess.speaker());
        assertEquals(Optional.of(Emotion.SURPRISE), tess.emotion());
    }

    @Test
    void codesInsideLongerRunsAreNotRead() {
        // Eight fields or a longer number around the seven RAVDESS fields: not a RAVDESS code.
        assertTrue(LabelScheme.RAVDESS.parse(Path.of("103-01-05-01-01-02-01.wav"), null)
                .isEmpty());
        assertTrue(LabelScheme.RAVDESS.parse(Path.of("03-01-05-01-01-02-012.wav"), null)
                .isEmpty());
        assertTrue(LabelScheme.EMODB.parse(Path.of("x03a01Fa.wav"), null).isEmpty());
        assertTrue(LabelScheme.CREMA_D.parse(Path.of("11001_DFA_ANG_XX.wav"), null).isEmpty());
        // TESS's label is the last field: a suffix after it is not a TESS name.
        assertTrue(LabelScheme.TESS.parse(Path.of("OAF_back_angry_2.wav"), null).isEmpty());
    }
}
