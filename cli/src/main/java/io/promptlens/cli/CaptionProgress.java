package io.promptlens.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * The run's stderr: a progress bar redrawn in place when stderr is a terminal (done / total, images
 * per second, time left), one line per failure ({@code PATH: reason}, as every command), and the
 * summary. Thread-safe; every stderr write of a caption run goes through here so a failure line
 * never lands in the middle of the bar.
 */
final class CaptionProgress {

  private static final int BAR_WIDTH = 24;
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintWriter err;
  private final boolean bar;
  private final int total;
  private final long started = System.nanoTime();
  private long lastDraw;
  private int done;
  private boolean drawn;

  CaptionProgress(PrintWriter err, boolean bar, int total) {
    this.err = err;
    this.bar = bar;
    this.total = total;
  }

  synchronized void finished() {
    done++;
    long now = System.nanoTime();
    if (bar && (now - lastDraw >= REDRAW_NANOS || done == total)) {
      lastDraw = now;
      err.print("\r" + line(now));
      err.flush();
      drawn = true;
    }
  }

  synchronized void failed(String file, String reason) {
    clear();
    err.println(file + ": " + reason.replace('\n', ' '));
    err.flush();
  }

  synchronized void summary(String text) {
    clear();
    err.println(text);
    err.flush();
  }

  private void clear() {
    if (drawn) {
      err.print("\r" + " ".repeat(BAR_WIDTH + 60) + "\r");
      drawn = false;
    }
  }

  private String line(long now) {
    double seconds = Math.max(1e-9, (now - started) / 1e9);
    double rate = done / seconds;
    int filled = total == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * done / total);
    String left = rate > 0 ? clock(Duration.ofSeconds(Math.round((total - done) / rate))) : "--:--";
    return String.format(
        Locale.ROOT,
        "[%s%s] %d/%d  %.1f img/s  %s left",
        "#".repeat(filled),
        ".".repeat(BAR_WIDTH - filled),
        done,
        total,
        rate,
        left);
  }

  static String clock(Duration d) {
    long s = d.getSeconds();
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
