package io.github.affect4j.server.reports;

import io.github.affect4j.Emotion;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads a session's stored observations for the reports. */
@Repository
class Observations {

    private static final String SCORES = "p_neutral, p_happiness, p_surprise, p_sadness, p_anger,"
            + " p_disgust, p_fear, p_contempt";

    static {
        if (Emotion.values().length != 8) {
            throw new IllegalStateException("the schema stores eight emotion probabilities");
        }
    }

    private final JdbcClient jdbc;

    Observations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param observedAt when @param faceCount faces in the frame @param detector provider id */
    record FrameRow(OffsetDateTime observedAt, int faceCount, String detector) {
    }

    /** One face; scores in {@link Emotion} order. */
    record FaceRow(OffsetDateTime observedAt, boolean assessable, double[] scores, double valence,
                   double arousal) {
    }

    /** One clip; scores null when it held no speech. */
    record AudioRow(OffsetDateTime observedAt, String detector, double durationSeconds,
                    double speechRatio, double[] scores, double valence, double arousal) {
    }

    List<FrameRow> frames(long sessionId) {
        return jdbc.sql("select observed_at, face_count, detector from frame_observations"
                        + " where session_id = ? order by observed_at")
                .param(sessionId)
                .query((rs, row) -> new FrameRow(rs.getObject(1, OffsetDateTime.class),
                        rs.getInt(2), rs.getString(3)))
                .list();
    }

    List<FaceRow> faces(long sessionId) {
        return jdbc.sql("select observed_at, assessable, " + SCORES + ", valence, arousal"
                        + " from face_observations where session_id = ? order by observed_at")
                .param(sessionId)
                .query((rs, row) -> {
                    double[] scores = new double[8];
                    for (int i = 0; i < 8; i++) {
                        scores[i] = rs.getDouble(3 + i);
                    }
                    return new FaceRow(rs.getObject(1, OffsetDateTime.class), rs.getBoolean(2),
                            scores, rs.getDouble(11), rs.getDouble(12));
                })
                .list();
    }

    List<AudioRow> audio(long sessionId) {
        return jdbc.sql("select observed_at, detector, duration_seconds, speech_ratio, speech, "
                        + SCORES + ", valence, arousal from audio_observations"
                        + " where session_id = ? order by observed_at")
                .param(sessionId)
                .query((rs, row) -> {
                    double[] scores = null;
                    if (rs.getBoolean(5)) {
                        scores = new double[8];
                        for (int i = 0; i < 8; i++) {
                            scores[i] = rs.getDouble(6 + i);
                        }
                    }
                    return new AudioRow(rs.getObject(1, OffsetDateTime.class), rs.getString(2),
                            rs.getDouble(3), rs.getDouble(4), scores, rs.getDouble(14),
                            rs.getDouble(15));
                })
                .list();
    }
}
