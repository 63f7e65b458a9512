package io.github.affect4j.server.live;

import io.github.affect4j.server.classrooms.Classrooms;
import io.github.affect4j.server.sessions.Sessions;
import io.github.affect4j.server.users.UserAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/sessions/{id}/events}: server-sent events for one session, authenticated like
 * the rest of the API with {@code Authorization: Bearer}. Browsers' {@code EventSource} cannot
 * send that header, so the dashboard reads the stream with {@code fetch}; a token in the URL
 * would end up in access logs and browser history, and a short-lived ticket would have to be
 * shared between replicas.
 *
 * <p>Events: {@code ready} when the stream opens, {@code observation} for each stored frame or
 * clip, {@code session} when the session is started or ended ({@code change}), {@code resync}
 * when events may have been missed; each carries the session's counts ({@code frameCount},
 * {@code faceCount}, {@code audioCount}, {@code status}), never affect.
 *
 * <p>{@code GET /api/classrooms/{id}/events}: the same events for every session of a
 * classroom, which is what the dashboard reads: one stream per page shows the sessions started
 * and ended elsewhere as well as the uploads to the one it shows.
 */
@RestController
@Tag(name = "live")
@SecurityRequirement(name = "bearer")
class LiveController {

    /** Where the stateless security configuration looks for the context on later dispatches. */
    private static final RequestAttributeSecurityContextRepository CONTEXT =
            new RequestAttributeSecurityContextRepository();

    private final Sessions sessions;
    private final Classrooms classrooms;
    private final LiveStreams streams;

    LiveController(Sessions sessions, Classrooms classrooms, LiveStreams streams) {
        this.sessions = sessions;
        this.classrooms = classrooms;
        this.streams = streams;
    }

    @GetMapping(path = "/api/sessions/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "sessionEvents",
            summary = "Server-sent events of a session: ready, observation (with counts), "
            + "session (started or ended), resync. Needs the bearer header: read it with "
            + "fetch, not EventSource")
    SseEmitter events(@PathVariable long id,
                      @Parameter(hidden = true) @AuthenticationPrincipal UserAccount user,
                      @Parameter(hidden = true) HttpServletRequest request,
                      @Parameter(hidden = true) HttpServletResponse response) {
        sessions.accessible(id, user);
        streaming(request, response);
        return streams.open(id);
    }

    @GetMapping(path = "/api/classrooms/{id}/events",
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "classroomEvents",
            summary = "Server-sent events of every session of a classroom: ready, observation "
            + "(with counts), session (started or ended), resync. Needs the bearer header: read "
            + "it with fetch, not EventSource")
    SseEmitter classroomEvents(@PathVariable long id,
                               @Parameter(hidden = true) @AuthenticationPrincipal UserAccount user,
                               @Parameter(hidden = true) HttpServletRequest request,
                               @Parameter(hidden = true) HttpServletResponse response) {
        classrooms.accessible(id, user);
        streaming(request, response);
        return streams.openClassroom(id);
    }

    private static void streaming(HttpServletRequest request, HttpServletResponse response) {
        // The stream ends with an asynchronous dispatch through the security filters; the bearer
        // filter does not run again then, so keep the authentication where they will find it.
        CONTEXT.saveContext(SecurityContextHolder.getContext(), request, response);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        // Tells nginx-style proxies not to buffer the stream.
        response.setHeader("X-Accel-Buffering", "no");
    }
}
