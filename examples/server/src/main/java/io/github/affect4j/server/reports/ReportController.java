package io.github.affect4j.server.reports;

import io.github.affect4j.server.classrooms.Classroom;
import io.github.affect4j.server.classrooms.Classrooms;
import io.github.affect4j.server.sessions.Sessions;
import io.github.affect4j.server.users.UserAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Timelines and summaries: aggregates only, unless consent was recorded. */
@RestController
@Tag(name = "reports")
@SecurityRequirement(name = "bearer")
class ReportController {

    private final Sessions sessions;
    private final Classrooms classrooms;
    private final Reports reports;

    ReportController(Sessions sessions, Classrooms classrooms, Reports reports) {
        this.sessions = sessions;
        this.classrooms = classrooms;
        this.reports = reports;
    }

    @GetMapping("/api/sessions/{id}/timeline")
    @Operation(operationId = "sessionTimeline",
            summary = "Emotion distribution per time bucket (ISO-8601 duration, e.g. PT10S)")
    Reports.Timeline timeline(@PathVariable long id,
                              @RequestParam(defaultValue = "PT1M") Duration bucket,
                              @Parameter(hidden = true) @AuthenticationPrincipal UserAccount user) {
        return reports.timeline(sessions.accessible(id, user), bucket);
    }

    @GetMapping("/api/sessions/{id}/summary")
    @Operation(operationId = "sessionSummary",
            summary = "A session's counts, affect aggregates and engagement proxies")
    Reports.SessionSummary sessionSummary(@PathVariable long id,
            @Parameter(hidden = true) @AuthenticationPrincipal UserAccount user) {
        return reports.summary(sessions.accessible(id, user));
    }

    @GetMapping("/api/classrooms/{id}/summary")
    @Operation(operationId = "classroomSummary",
            summary = "Aggregates across a classroom's sessions")
    Reports.ClassroomSummary classroomSummary(@PathVariable long id,
            @Parameter(hidden = true) @AuthenticationPrincipal UserAccount user) {
        Classroom classroom = classrooms.accessible(id, user);
        return reports.summary(classroom, sessions.inClassroom(classroom));
    }
}
