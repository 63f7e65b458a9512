package io.github.affect4j.server.analysis;

import io.github.affect4j.Emotion;
import io.github.affect4j.EmotionScores;
import io.github.affect4j.FaceAnalysis;
import io.github.affect4j.FaceResult;
import io.github.affect4j.VoiceAffect;
import io.github.affect4j.VoiceAnalysis;
import io.github.affect4j.server.users.UserAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads of frames and audio clips, handed to {@link AnalysisService}; this class only maps
 * HTTP to the service and the stored result to the answer. Per-face and per-clip results are
 * answered only when the session recorded consent.
 */
@RestController
@Tag(name = "analysis")
@SecurityRequirement(name = "bearer")
class AnalysisController {

    static final String WITHHELD = "Per-person results are withheld: this session was started "
            + "without recorded consent. Read the aggregates in the summary and timeline.";

    private final AnalysisService analysis;

    AnalysisController(AnalysisService analysis) {
        this.analysis = analysis;
    }

    @PostMapping(path = "/api/sessions/{id}/frames", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "analyseFrame", summary = "Analyse one frame (JPEG or PNG, "
            + "recognised from its bytes); the image is not stored")
    FrameObservation frame(@PathVariable long id, @RequestPart("file") MultipartFile file,
                           @Parameter(hidden = true) @AuthenticationPrincipal UserAccount user)
            throws IOException {
        return FrameObservation.of(analysis.frame(id, user, file.getBytes()));
    }

    @PostMapping(path = "/api/sessions/{id}/audio", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "analyseAudio", summary = "Analyse one audio clip (WAV, recognised "
            + "from its bytes); the audio is not stored")
    AudioObservation audio(@PathVariable long id, @RequestPart("file") MultipartFile file,
                           @Parameter(hidden = true) @AuthenticationPrincipal UserAccount user)
            throws IOException {
        return AudioObservation.of(analysis.audio(id, user, file.getBytes()));
    }

    /** Probabilities by label, in the library's label order. */
    static Map<String, Double> byLabel(EmotionScores scores) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (Emotion emotion : Emotion.values()) {
            map.put(emotion.label(), scores.probability(emotion));
        }
        return map;
    }

    /**
     * One analysed frame.
     *
     * @param id the observation id
     * @param sessionId its session
     * @param observedAt when it was analysed
     * @param detector the face provider id
     * @param imageWidth width in pixels
     * @param imageHeight height in pixels
     * @param faceCount faces found
     * @param faces per-face results; only with recorded consent
     * @param notice why per-face results are absent
     */
    record FrameObservation(long id, long sessionId, OffsetDateTime observedAt, String detector,
                            int imageWidth, int imageHeight, int faceCount, List<Face> faces,
                            String notice) {

        static FrameObservation of(AnalysisService.Stored<FaceAnalysis> stored) {
            FaceAnalysis analysis = stored.analysis();
            boolean disclosed = stored.disclosed();
            return new FrameObservation(stored.id(), stored.session().id(), stored.observedAt(),
                    analysis.detector().providerId(), analysis.imageWidth(),
                    analysis.imageHeight(), analysis.faces().size(),
                    disclosed ? analysis.faces().stream().map(Face::of).toList() : null,
                    disclosed ? null : WITHHELD);
        }
    }

    /**
     * One face of a frame (only with consent).
     *
     * @param box where, in pixels
     * @param confidence the face detector's confidence
     * @param dominant the most probable emotion
     * @param scores probabilities by emotion
     * @param valence derived valence in [-1, 1]
     * @param arousal derived arousal in [-1, 1]
     * @param assessable whether the face is fit for analysis
     * @param quality the quality problems found, in declaration order
     */
    record Face(Map<String, Integer> box, double confidence, String dominant,
                Map<String, Double> scores, double valence, double arousal, boolean assessable,
                List<String> quality) {

        static Face of(FaceResult face) {
            Map<String, Integer> box = new LinkedHashMap<>();
            box.put("x", face.box().x());
            box.put("y", face.box().y());
            box.put("width", face.box().width());
            box.put("height", face.box().height());
            List<String> quality = face.quality().flags().stream().map(Enum::name).toList();
            return new Face(box, face.confidence(), face.dominant().label(),
                    byLabel(face.scores()), face.scores().valence(), face.scores().arousal(),
                    face.assessable(), quality);
        }
    }

    /**
     * One analysed clip.
     *
     * @param id the observation id
     * @param sessionId its session
     * @param observedAt when it was analysed
     * @param detector the voice provider id
     * @param durationSeconds the clip's duration
     * @param speech whether speech was found
     * @param speechRatio the fraction judged speech
     * @param flags problems found in the audio, in declaration order
     * @param dominant the most probable emotion; only with consent and speech
     * @param scores probabilities by emotion; likewise
     * @param valence valence in [-1, 1]; likewise
     * @param arousal arousal in [-1, 1]; likewise
     * @param notice why the clip's affect is absent
     */
    record AudioObservation(long id, long sessionId, OffsetDateTime observedAt, String detector,
                            double durationSeconds, boolean speech, double speechRatio,
                            List<String> flags, String dominant, Map<String, Double> scores,
                            Double valence, Double arousal, String notice) {

        static AudioObservation of(AnalysisService.Stored<VoiceAnalysis> stored) {
            VoiceAnalysis analysis = stored.analysis();
            VoiceAffect affect = stored.disclosed() ? analysis.affect().orElse(null) : null;
            List<String> flags = analysis.summary().flags().stream().map(Enum::name).toList();
            return new AudioObservation(stored.id(), stored.session().id(), stored.observedAt(),
                    analysis.detector().providerId(), analysis.durationSeconds(),
                    analysis.affect().isPresent(), analysis.summary().speechRatio(), flags,
                    affect == null ? null : affect.scores().dominant().label(),
                    affect == null ? null : byLabel(affect.scores()),
                    affect == null ? null : affect.valence(),
                    affect == null ? null : affect.arousal(),
                    stored.disclosed() ? null : WITHHELD);
        }
    }
}
