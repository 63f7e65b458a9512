package io.github.affect4j.server.sessions;

import io.github.affect4j.server.ApiException;
import io.github.affect4j.server.classrooms.Classroom;
import io.github.affect4j.server.classrooms.Classrooms;
import io.github.affect4j.server.users.UserAccount;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Sessions, with the access rules of their classroom. A start or an end is announced with
 * {@link SessionChanged} once it has committed.
 */
@Service
public class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);

    private final SessionRepository repository;
    private final Classrooms classrooms;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Sessions(SessionRepository repository, Classrooms classrooms, Clock clock,
             ApplicationEventPublisher events) {
        this.repository = repository;
        this.classrooms = classrooms;
        this.clock = clock;
        this.events = events;
    }

    /**
     * The session, if this user may see its classroom.
     *
     * @throws ApiException 404 if it does not exist, 403 if its classroom is someone
     *     else's
     */
    public Session accessible(long id, UserAccount user) {
        Session session = repository.find(id).orElseThrow(() -> ApiException.notFound(
                "Session " + id + " does not exist"));
        classrooms.accessible(session.classroomId(), user);
        return session;
    }

    /**
     * The session if it may receive observations.
     *
     * @throws ApiException 404, 403 as {@link #accessible}, 409 if it has ended
     */
    public Session active(long id, UserAccount user) {
        Session session = accessible(id, user);
        if (session.endedAt() != null) {
            throw ended(session);
        }
        return session;
    }

    /** The 409 answer for an ended session. */
    public static ApiException ended(Session session) {
        return ApiException.conflict("Session " + session.id()
                + " ended at " + session.endedAt() + "; start a new session to analyse more");
    }

    /** The sessions of one classroom. */
    public List<Session> inClassroom(Classroom classroom) {
        return repository.inClassroom(classroom.id());
    }

    Session start(long classroomId, String title, boolean consent, UserAccount user) {
        classrooms.accessible(classroomId, user);
        OffsetDateTime now = now();
        long id = repository.insert(classroomId, title, consent, consent ? user.id() : null, now);
        Session session = new Session(id, classroomId, title, consent, now, null, 0, 0, 0);
        announce(session, SessionChanged.Change.STARTED);
        return session;
    }

    /*
     * Not @Transactional: the end is one conditional UPDATE, atomic on its own and committed when
     * it returns, so the event below is published after the commit, as observations are (a
     * listener inside a transaction could announce an end that then rolls back).
     */
    Session end(long id, UserAccount user) {
        accessible(id, user);
        if (!repository.end(id, now())) {
            throw ended(repository.find(id).orElseThrow());
        }
        Session session = repository.find(id).orElseThrow(() -> ApiException.notFound(
                "Session " + id + " does not exist"));
        announce(session, SessionChanged.Change.ENDED);
        return session;
    }

    private void announce(Session session, SessionChanged.Change change) {
        try {
            events.publishEvent(new SessionChanged(session, change));
        } catch (RuntimeException e) {
            // The change is committed; a listener's failure must not turn that into an error.
            log.warn("A listener of session changes failed for session {} ({})", session.id(),
                    change.label(), e);
        }
    }

    List<Session> list(long classroomId, UserAccount user) {
        return inClassroom(classrooms.accessible(classroomId, user));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MICROS);
    }
}
