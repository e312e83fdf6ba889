package io.promptlens.app.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the app at a schema of its own on the test PostgreSQL server (127.0.0.1:5432, database
 * {@code test}, user {@code postgres}, no password), migrated by Flyway at start-up and dropped
 * when the context closes, so runs never see each other's rows. Fails with a clear message when the
 * server is not up.
 */
public class PostgresSchema
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
  public static final String USER = "postgres";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    String schema = newName();
    DriverManager.setLoginTimeout(5);
    try (Connection connection = DriverManager.getConnection(SERVER, USER, "")) {
      connection.isValid(5);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL is not reachable at 127.0.0.1:5432 (database 'test', user 'postgres', trust"
              + " auth). Start it (.ci/run does) and run the tests again. Driver said: "
              + e.getMessage(),
          e);
    }
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource("postgresSchema", new java.util.HashMap<>(settings(schema))));
    context.addApplicationListener(
        event -> {
          if (event instanceof ContextClosedEvent) {
            drop(schema);
          }
        });
  }

  /** The settings that point an app at {@code schema}, which Flyway creates and migrates. */
  public static Map<String, String> settings(String schema) {
    return Map.of(
        "spring.datasource.url",
        SERVER + "?currentSchema=" + schema,
        "spring.datasource.username",
        USER,
        "spring.datasource.password",
        "",
        "spring.flyway.schemas",
        schema,
        "spring.flyway.create-schemas",
        "true");
  }

  public static String newName() {
    return "promptlens_app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  public static void drop(String schema) {
    try (Connection connection = DriverManager.getConnection(SERVER, USER, "");
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop test schema " + schema, e);
    }
  }
}
