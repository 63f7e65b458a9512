package io.github.affect4j.server.classrooms;

import io.github.affect4j.server.users.UserAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/classrooms}: a teacher's classrooms. */
@RestController
@RequestMapping("/api/classrooms")
@Tag(name = "classrooms")
@SecurityRequirement(name = "bearer")
class ClassroomController {

    private final Classrooms classrooms;

    ClassroomController(Classrooms classrooms) {
        this.classrooms = classrooms;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createClassroom",
            summary = "Create a classroom owned by the caller")
    Classroom create(@Valid @RequestBody ClassroomName body,
                     @Parameter(hidden = true) @AuthenticationPrincipal UserAccount user) {
        return classrooms.create(body.name().strip(), user);
    }

    @GetMapping
    @Operation(operationId = "listClassrooms",
            summary = "The caller's classrooms (all of them for an administrator)")
    List<Classroom> list(@Parameter(hidden = true) @AuthenticationPrincipal UserAccount user) {
        return classrooms.visibleTo(user);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getClassroom",
            summary = "One classroom")
    Classroom get(@PathVariable long id,
                  @Parameter(hidden = true) @AuthenticationPrincipal UserAccount user) {
        return classrooms.accessible(id, user);
    }

    @PutMapping("/{id}")
    @Operation(operationId = "renameClassroom",
            summary = "Rename a classroom")
    Classroom rename(@PathVariable long id, @Valid @RequestBody ClassroomName body,
                     @Parameter(hidden = true) @AuthenticationPrincipal UserAccount user) {
        return classrooms.rename(id, body.name().strip(), user);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteClassroom",
            summary = "Delete a classroom with its sessions and observations")
    void delete(@PathVariable long id,
                @Parameter(hidden = true) @AuthenticationPrincipal UserAccount user) {
        classrooms.delete(id, user);
    }

    /** @param name the classroom's name */
    record ClassroomName(@NotBlank @Size(max = 200) String name) {
    }
}
