package io.github.affect4j.server.reports;

import io.github.affect4j.server.Affect4jProperties;
import io.github.affect4j.server.ApiException;
import io.github.affect4j.server.classrooms.Classroom;
import io.github.affect4j.server.sessions.Session;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Timelines and summaries, with the disclosure rule applied to sums the database computed
 * ({@link Aggregates}: one query per report, however many sessions or buckets).
 */
@Service
class Reports {

    /** More buckets than this is a mistake in the bucket size, not a useful chart. */
    static final int MAX_BUCKETS = 10_000;

    private final Aggregates aggregates;
    private final int minFaces;

    Reports(Aggregates aggregates, Affect4jProperties properties) {
        this.aggregates = aggregates;
        this.minFaces = properties.privacy().minFaces();
    }

    @Transactional(readOnly = true)
    SessionSummary summary(Session session) {
        Tally tally = aggregates.ofSession(session.id()).getOrDefault(session.id(), new Tally());
        Disclosure disclosure = Disclosure.of(session.consent(), tally.maxFacesInFrame, minFaces);
        return new SessionSummary(session.id(), session.classroomId(), session.title(),
                session.status(), session.startedAt(), session.endedAt(), session.consent(),
                tally.faceDetectors, tally.voiceDetectors, Counts.of(tally), disclosure.level(),
                disclosure.reason(), disclosure.shown() ? tally.faceAffect() : null,
                disclosure.shown() ? tally.voiceAffect() : null,
                Engagement.of(tally, disclosure));
    }

    @Transactional(readOnly = true)
    ClassroomSummary summary(Classroom classroom, List<Session> sessions) {
        Map<Long, Tally> bySession = aggregates.ofClassroom(classroom.id());
        Tally all = new Tally();
        Tally shown = new Tally();
        List<ClassroomSummary.SessionLine> lines = new ArrayList<>();
        int withheld = 0;
        for (Session session : sessions) {
            Tally tally = bySession.getOrDefault(session.id(), new Tally());
            Disclosure disclosure = Disclosure.of(session.consent(), tally.maxFacesInFrame,
                    minFaces);
            all.add(tally);
            if (disclosure.shown()) {
                shown.add(tally);
            } else {
                withheld++;
            }
            lines.add(new ClassroomSummary.SessionLine(session.id(), session.title(),
                    session.status(), session.startedAt(), session.endedAt(), Counts.of(tally),
                    disclosure.level()));
        }
        Disclosure overall = shown.frames + shown.clips > 0 ? new Disclosure("aggregate", null)
                : new Disclosure("withheld", sessions.isEmpty() ? "No sessions yet"
                        : "Aggregates are withheld: no session of this classroom had recorded "
                        + "consent or at least " + minFaces + " faces together in a frame");
        return new ClassroomSummary(classroom.id(), classroom.name(), sessions.size(),
                sessions.size() - withheld, withheld, Counts.of(all), overall.level(),
                overall.reason(), shown.faceAffect(), shown.voiceAffect(),
                Engagement.of(shown, overall), lines);
    }

    @Transactional(readOnly = true)
    Timeline timeline(Session session, Duration bucket) {
        if (bucket.compareTo(Duration.ofSeconds(1)) < 0) {
            throw ApiException.badRequest("bucket must be at least PT1S, got " + bucket);
        }
        OffsetDateTime start = session.startedAt();
        Map<Long, Tally> byBucket = aggregates.ofBuckets(session.id(), start, bucket);
        // Buckets before the start (clock skew) fold into the first one.
        TreeMap<Long, Tally> folded = new TreeMap<>();
        byBucket.forEach((index, tally) -> folded.computeIfAbsent(Math.max(0, index),
                i -> new Tally()).add(tally));
        long count = folded.isEmpty() ? 0 : folded.lastKey() + 1;
        if (count > MAX_BUCKETS) {
            throw ApiException.badRequest("bucket " + bucket + " would split this session into "
                    + count + " buckets; the most is " + MAX_BUCKETS + ": choose a longer bucket");
        }
        List<Timeline.Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Tally tally = folded.getOrDefault((long) i, new Tally());
            Disclosure disclosure = Disclosure.of(session.consent(), tally.maxFacesInFrame,
                    minFaces);
            buckets.add(new Timeline.Bucket(start.plus(bucket.multipliedBy(i)),
                    start.plus(bucket.multipliedBy(i + 1)), Counts.of(tally), disclosure.level(),
                    disclosure.shown() ? tally.faceAffect() : null,
                    disclosure.shown() ? tally.voiceAffect() : null));
        }
        return new Timeline(session.id(), bucket.toString(), start, minFaces, buckets);
    }

    /**
     * Counts, never withheld: how much was observed says nothing about anyone's affect.
     *
     * @param frames frames analysed
     * @param faces faces found in them
     * @param maxFacesInFrame the most faces seen together in one frame
     * @param audioClips clips analysed
     * @param audioSeconds their total duration
     * @param speechSeconds the part of it judged speech
     */
    record Counts(int frames, int faces, int maxFacesInFrame, int audioClips, double audioSeconds,
                  double speechSeconds) {

        static Counts of(Tally tally) {
            return new Counts(tally.frames, tally.faces, tally.maxFacesInFrame, tally.clips,
                    Tally.round(tally.audioSeconds), Tally.round(tally.speechSeconds));
        }
    }

    /**
     * Engagement proxies. They describe what the sensors saw, not what anyone felt.
     *
     * @param facesPerFrame mean number of faces per frame (presence)
     * @param attention share of faces judged fit for analysis (frontal, visible); withheld with
     *     the aggregates
     * @param activation mean arousal of the faces; withheld with the aggregates
     * @param talkRatio share of the audio judged speech
     */
    record Engagement(Double facesPerFrame, Double attention, Double activation,
                      Double talkRatio) {

        static Engagement of(Tally tally, Disclosure disclosure) {
            boolean faces = tally.faces > 0 && disclosure.shown();
            return new Engagement(
                    tally.frames == 0 ? null : Tally.round(tally.faces / (double) tally.frames),
                    faces ? Tally.round(tally.assessableFaces / (double) tally.faces) : null,
                    faces ? Tally.round(tally.faceArousal / tally.faces) : null,
                    tally.audioSeconds == 0 ? null
                            : Tally.round(tally.speechSeconds / tally.audioSeconds));
        }
    }

    /**
     * A session's summary.
     *
     * @param sessionId the session
     * @param classroomId its classroom
     * @param title its title
     * @param status {@code active} or {@code ended}
     * @param startedAt start
     * @param endedAt end, if ended
     * @param consent whether consent was recorded
     * @param faceDetectors face provider ids used
     * @param voiceDetectors voice provider ids used
     * @param counts what was observed
     * @param disclosure {@code consented}, {@code aggregate} or {@code withheld}
     * @param withheldReason why the affect is withheld
     * @param faceAffect mean face affect, when disclosed
     * @param voiceAffect mean voice affect, when disclosed
     * @param engagement engagement proxies
     */
    record SessionSummary(long sessionId, long classroomId, String title, String status,
                          OffsetDateTime startedAt, OffsetDateTime endedAt, boolean consent,
                          Set<String> faceDetectors, Set<String> voiceDetectors, Counts counts,
                          String disclosure, String withheldReason, Tally.Affect faceAffect,
                          Tally.Affect voiceAffect, Engagement engagement) {
    }

    /**
     * A classroom's summary across its sessions; the affect aggregates cover only the sessions
     * whose own summary is disclosed.
     *
     * @param classroomId the classroom
     * @param name its name
     * @param sessions number of sessions
     * @param sessionsDisclosed sessions included in the aggregates
     * @param sessionsWithheld sessions left out of them
     * @param counts what was observed across all sessions
     * @param disclosure {@code aggregate} or {@code withheld}
     * @param withheldReason why
     * @param faceAffect mean face affect over the disclosed sessions
     * @param voiceAffect mean voice affect over the disclosed sessions
     * @param engagement engagement proxies over the disclosed sessions
     * @param perSession one line per session, counts only
     */
    record ClassroomSummary(long classroomId, String name, int sessions, int sessionsDisclosed,
                            int sessionsWithheld, Counts counts, String disclosure,
                            String withheldReason, Tally.Affect faceAffect,
                            Tally.Affect voiceAffect, Engagement engagement,
                            List<SessionLine> perSession) {

        /** One session in a classroom summary. */
        record SessionLine(long sessionId, String title, String status, OffsetDateTime startedAt,
                           OffsetDateTime endedAt, Counts counts, String disclosure) {
        }
    }

    /**
     * Emotion distribution per time bucket from the session's start; each bucket is disclosed
     * by the same rule as the summary, applied to the frames inside it.
     *
     * @param sessionId the session
     * @param bucket the bucket length (ISO-8601)
     * @param start start of the first bucket (the session's start)
     * @param minFaces the disclosure minimum in force
     * @param buckets the buckets up to the last observation
     */
    record Timeline(long sessionId, String bucket, OffsetDateTime start, int minFaces,
                    List<Bucket> buckets) {

        /** One bucket. */
        record Bucket(OffsetDateTime start, OffsetDateTime end, Counts counts, String disclosure,
                      Tally.Affect faceAffect, Tally.Affect voiceAffect) {
        }
    }
}
