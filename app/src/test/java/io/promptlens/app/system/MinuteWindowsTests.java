package io.promptlens.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptlens.app.support.AppIntegration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two {@link MinuteWindows} over one table stand for two app instances sharing one database: each
 * counts exactly what it saw, and sees the other's counts within {@link MinuteWindows#SHARE_EVERY}.
 */
@AppIntegration
class MinuteWindowsTests {

  private static final Instant WINDOW = Instant.parse("2031-03-04T05:06:00Z");

  @Autowired JdbcClient jdbc;

  private MinuteWindows instance() {
    return new MinuteWindows(jdbc, "anonymous_rate_windows", "client_hash");
  }

  private static String caller() {
    return "test-" + UUID.randomUUID();
  }

  @Test
  void oneInstanceCountsEveryRequestExactly() {
    MinuteWindows windows = instance();
    String caller = caller();

    int last = 0;
    for (int i = 0; i < 50; i++) {
      last = windows.count(caller, WINDOW.plusMillis(i));
    }

    assertThat(last).isEqualTo(50);
  }

  @Test
  void anotherInstanceSeesTheCountsAtItsFirstRequestOfTheWindow() {
    MinuteWindows a = instance();
    MinuteWindows b = instance();
    String caller = caller();
    for (int i = 0; i < 5; i++) {
      a.count(caller, WINDOW.plusSeconds(1));
    }
    a.count(caller, WINDOW.plusSeconds(3)); // a's exchange: its 6 are in the table

    assertThat(b.count(caller, WINDOW.plusSeconds(4))).isEqualTo(7);
  }

  @Test
  void countsMadeWithinASecondReachTheOtherInstanceAtTheNextExchange() {
    MinuteWindows a = instance();
    MinuteWindows b = instance();
    String caller = caller();
    a.count(caller, WINDOW.plusSeconds(10));
    assertThat(b.count(caller, WINDOW.plusSeconds(10))).isEqualTo(2);

    a.count(caller, WINDOW.plusMillis(10_100)); // within a's second: held back
    a.count(caller, WINDOW.plusMillis(10_200));
    assertThat(b.count(caller, WINDOW.plusMillis(10_300))).isEqualTo(3); // stale by design

    a.count(caller, WINDOW.plusMillis(11_100)); // a exchanges
    assertThat(b.count(caller, WINDOW.plusMillis(11_200))).isEqualTo(7); // all 7, both instances
  }

  @Test
  void aNewWindowStartsFromZero() {
    MinuteWindows windows = instance();
    String caller = caller();
    for (int i = 0; i < 3; i++) {
      windows.count(caller, WINDOW.plusSeconds(i));
    }

    assertThat(windows.count(caller, WINDOW.plusSeconds(60))).isEqualTo(1);
  }
}
