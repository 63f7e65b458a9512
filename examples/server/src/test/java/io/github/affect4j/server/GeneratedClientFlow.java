package io.github.affect4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.affect4j.server.client.ApiClient;
import io.github.affect4j.server.client.api.AnalysisApi;
import io.github.affect4j.server.client.api.ClassroomsApi;
import io.github.affect4j.server.client.api.ReportsApi;
import io.github.affect4j.server.client.api.SessionsApi;
import io.github.affect4j.server.client.api.UsersApi;
import io.github.affect4j.server.client.model.Classroom;
import io.github.affect4j.server.client.model.ClassroomName;
import io.github.affect4j.server.client.model.CreatedUser;
import io.github.affect4j.server.client.model.FrameObservation;
import io.github.affect4j.server.client.model.NewUser;
import io.github.affect4j.server.client.model.Problem;
import io.github.affect4j.server.client.model.Session;
import io.github.affect4j.server.client.model.SessionSummary;
import io.github.affect4j.server.client.model.StartSession;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.web.client.RestClientResponseException;

/**
 * One flow through the client that OpenAPI Generator made from the committed description
 * ({@code io.github.affect4j.server.client}, generated into {@code target} by the build): create
 * a teacher, a classroom and a session, upload a frame, read the summary; and the problems the
 * description promises, decoded into its {@code Problem} model.
 */
final class GeneratedClientFlow {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final String base;
    private final String adminToken;

    GeneratedClientFlow(int port, String adminToken) {
        this.base = "http://localhost:" + port;
        this.adminToken = adminToken;
    }

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.setBasePath(base);
        client.setBearerToken(token);
        return client;
    }

    void run() throws IOException {
        CreatedUser teacher = new UsersApi(client(adminToken)).createUser(new NewUser()
                .name("Generated client").role(NewUser.RoleEnum.TEACHER));
        assertThat(teacher.getToken()).startsWith("a4j_");
        ApiClient asTeacher = client(teacher.getToken());

        Classroom classroom = new ClassroomsApi(asTeacher)
                .createClassroom(new ClassroomName().name("Generated 1A"));
        Session session = new SessionsApi(asTeacher).startSession(classroom.getId(),
                new StartSession().title("Generated lesson").consent(true));
        assertThat(session.getStatus()).isEqualTo("active");

        Path image = Files.createTempFile(Path.of("target"), "frame", ".jpg");
        try {
            Files.write(image, Media.astronaut());
            FrameObservation frame = new AnalysisApi(asTeacher).analyseFrame(session.getId(),
                    image.toFile());
            assertThat(frame.getFaceCount()).isEqualTo(1);
            assertThat(frame.getFaces()).hasSize(1);
            assertThat(frame.getFaces().get(0).getScores()).hasSize(8);
        } finally {
            Files.deleteIfExists(image);
        }

        SessionSummary summary = new ReportsApi(asTeacher).sessionSummary(session.getId());
        assertThat(summary.getCounts().getFrames()).isEqualTo(1);
        assertThat(summary.getDisclosure()).isEqualTo("consented");
        assertThat(summary.getFaceAffect().getContributors()).isEqualTo(1);

        // Problems, as the description says: a JSON problem with status and detail.
        Problem missing = problem(() -> new SessionsApi(asTeacher).getSession(999_999_999L));
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.getDetail()).contains("does not exist");

        Path text = Files.createTempFile(Path.of("target"), "not-an-image", ".jpg");
        try {
            Files.writeString(text, "hello, I am text");
            File file = text.toFile();
            Problem unsupported = problem(() -> new AnalysisApi(asTeacher)
                    .analyseFrame(session.getId(), file));
            assertThat(unsupported.getStatus()).isEqualTo(415);
            assertThat(unsupported.getProblem()).isEqualTo("UNSUPPORTED_FORMAT");
        } finally {
            Files.deleteIfExists(text);
        }

        Problem unauthorised = problem(() -> new ClassroomsApi(client("a4j_wrong"))
                .listClassrooms());
        assertThat(unauthorised.getStatus()).isEqualTo(401);

        new SessionsApi(asTeacher).endSession(session.getId());
        Problem ended = problem(() -> new SessionsApi(asTeacher).endSession(session.getId()));
        assertThat(ended.getStatus()).isEqualTo(409);
    }

    /** The problem a call answered, decoded into the generated model. */
    private static Problem problem(Runnable call) {
        RestClientResponseException failure = catchThrowableOfType(
                RestClientResponseException.class, call::run);
        assertThat(failure).as("the call should have failed").isNotNull();
        assertThat(failure.getResponseHeaders().getContentType())
                .hasToString("application/problem+json");
        try {
            Problem problem = JSON.readValue(failure.getResponseBodyAsString(), Problem.class);
            assertThat(problem.getStatus()).isEqualTo(failure.getStatusCode().value());
            return problem;
        } catch (IOException e) {
            throw new AssertionError("not a problem: " + failure.getResponseBodyAsString(), e);
        }
    }
}
