package io.github.affect4j.server.sessions;

import io.github.affect4j.server.users.UserAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sessions: started in a classroom, ended once. */
@RestController
@Tag(name = "sessions")
@SecurityRequirement(name = "bearer")
class SessionController {

    private final Sessions sessions;

    SessionController(Sessions sessions) {
        this.sessions = sessions;
    }

    @PostMapping("/api/classrooms/{classroomId}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "startSession",
            summary = "Start a session; the body is optional. Set consent to true only when "
            + "every participant consented to per-person results: it cannot be changed later")
    Session start(@PathVariable long classroomId,
                  @Valid @RequestBody(required = false) StartSession body,
                  @Parameter(hidden = true) @AuthenticationPrincipal UserAccount user) {
        StartSession request = body != null ? body : new StartSession(null, null);
        String title = request.title() == null || request.title().isBlank() ? null
                : request.title().strip();
        return sessions.start(classroomId, title, Boolean.TRUE.equals(request.consent()), user);
    }

    @GetMapping("/api/classrooms/{classroomId}/sessions")
    @Operation(operationId = "listSessions",
            summary = "The sessions of a classroom")
    List<Session> list(@PathVariable long classroomId,
                       @Parameter(hidden = true) @AuthenticationPrincipal UserAccount user) {
        return sessions.list(classroomId, user);
    }

    @GetMapping("/api/sessions/{id}")
    @Operation(operationId = "getSession",
            summary = "One session with its counts")
    Session get(@PathVariable long id,
                @Parameter(hidden = true) @AuthenticationPrincipal UserAccount user) {
        return sessions.accessible(id, user);
    }

    @PostMapping("/api/sessions/{id}/end")
    @Operation(operationId = "endSession",
            summary = "End a session; later uploads to it are refused with 409")
    Session end(@PathVariable long id,
                @Parameter(hidden = true) @AuthenticationPrincipal UserAccount user) {
        return sessions.end(id, user);
    }

    /**
     * @param title an optional title
     * @param consent true if consent to per-person results was recorded; default false
     */
    record StartSession(@Size(max = 200) String title, Boolean consent) {
    }
}
