package io.github.affect4j.server;

import org.springframework.boot.test.context.SpringBootTest;
import io.github.affect4j.serverprobes.TestProbes;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The contract on the default database: H2 in file mode, in a fresh directory. */
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
}
