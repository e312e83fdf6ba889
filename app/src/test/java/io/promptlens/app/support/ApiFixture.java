package io.promptlens.app.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An API test's fixture: the app's port, an anonymous {@link ApiClient} fresh for each test, and
 * the database, to check what a request stored.
 */
public abstract class ApiFixture {

  @LocalServerPort protected int port;
  @Autowired protected JdbcClient jdbc;
  protected ApiClient api;

  @BeforeEach
  void anonymousClient() {
    api = new ApiClient(port);
  }
}
