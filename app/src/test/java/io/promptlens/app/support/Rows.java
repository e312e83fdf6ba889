package io.promptlens.app.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Row counts, to prove that a failed request wrote nothing. */
public record Rows(long analyses, long generations) {

  public static Rows count(JdbcClient jdbc) {
    return new Rows(
        jdbc.sql("SELECT COUNT(*) FROM analyses").query(Long.class).single(),
        jdbc.sql("SELECT COUNT(*) FROM generations").query(Long.class).single());
  }
}
