package io.promptlens.app.system;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The repository contract on a real PostgreSQL server (127.0.0.1:5432, database {@code test}, user
 * {@code postgres}, no password; {@code .ci/run} starts one). Each run migrates a fresh schema of
 * its own, so runs never see each other's rows, and drops it afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PostgresRepositoryTests extends RepositoryContractTests {

  static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
  static final String USER = "postgres";
  static final String SCHEMA =
      "promptlens_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    requireServer();
    registry.add("spring.datasource.url", () -> SERVER + "?currentSchema=" + SCHEMA);
    registry.add("spring.datasource.username", () -> USER);
    registry.add("spring.datasource.password", () -> "");
    registry.add("spring.flyway.schemas", () -> SCHEMA);
    registry.add("spring.flyway.create-schemas", () -> "true");
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    try (Connection connection = DriverManager.getConnection(SERVER, USER, "");
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA.toLowerCase(Locale.ROOT) + " CASCADE");
    }
  }

  private static void requireServer() {
    DriverManager.setLoginTimeout(5);
    try (Connection connection = DriverManager.getConnection(SERVER, USER, "")) {
      connection.isValid(5);
    } catch (SQLException e) {
      fail(
          "PostgreSQL is not reachable at 127.0.0.1:5432 (database 'test', user 'postgres', trust"
              + " auth). Start it (.ci/run does) and run the tests again. Driver said: "
              + e.getMessage());
    }
  }
}
