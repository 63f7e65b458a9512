package io.github.affect4j.server;

import io.github.affect4j.serverprobes.TestProbes;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The contract on the default database: H2 in file mode, in a fresh directory; plus the checks
 * that need run only once: the committed API description matches the server, and a client
 * generated from it works ({@link GeneratedClientFlow}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestProbes.class)
class H2ServerTest extends ServerApiContract {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String dir = "target/h2-test/" + System.nanoTime();
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:./" + dir + "/affect4j");
        for (String setting : LIMITS) {
            String[] pair = setting.split("=", 2);
            registry.add(pair[0], () -> pair[1]);
        }
    }

    @Test
    void theCommittedApiDescriptionMatchesTheServer() throws Exception {
        CommittedApiDescription.assertMatches(api.get("/v3/api-docs", null).text());
    }


    @Test
    void aClientGeneratedFromTheDescriptionDrivesAFlowAndDecodesProblems() throws Exception {
        new GeneratedClientFlow(port, ADMIN).run();
    }
}
