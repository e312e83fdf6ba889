package io.promptlens.app.generations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Group commit against a recording writer: what each request is told matches what was committed,
 * rows of concurrent requests share commits, and one row's constraint failure is that row's alone.
 */
class GroupCommitTests {

  private final List<List<Integer>> commits = Collections.synchronizedList(new ArrayList<>());
  private final ExecutorService requests = Executors.newFixedThreadPool(8);

  @AfterEach
  void stop() {
    requests.shutdownNow();
  }

  @Test
  void aLoneRowIsCommittedBeforeWriteReturns() {
    GroupCommit<Integer> group = new GroupCommit<>(commits::add);

    group.write(7);

    assertThat(commits).containsExactly(List.of(7));
  }

  @Test
  void concurrentRowsShareCommitsAndEveryRowIsCommittedExactlyOnce() throws Exception {
    // A slow commit, as on a busy machine: rows that arrive meanwhile wait for the next one.
    GroupCommit<Integer> group = new GroupCommit<>(rows -> slowly(() -> commits.add(rows)));
    List<Future<?>> answers = new ArrayList<>();
    for (int row = 0; row < 200; row++) {
      int mine = row;
      answers.add(requests.submit(() -> group.write(mine)));
    }
    for (Future<?> answer : answers) {
      answer.get(30, TimeUnit.SECONDS);
    }

    List<Integer> written = commits.stream().flatMap(List::stream).sorted().toList();
    assertThat(written).hasSize(200).doesNotHaveDuplicates();
    assertThat(commits.size()).as("commits for 200 rows from 8 threads").isLessThan(200);
  }

  @Test
  void anAnnouncedRowIsWaitedForAndJoinsTheCommitUnderWay() throws Exception {
    GroupCommit<Integer> group = new GroupCommit<>(commits::add, Duration.ofSeconds(20));
    GroupCommit<Integer>.Announced late = group.expect();
    Future<?> first =
        requests.submit(
            () -> {
              try (GroupCommit<Integer>.Announced row = group.expect()) {
                row.write(1);
              }
            });
    Thread.sleep(50);
    late.write(2);
    late.close();
    first.get(30, TimeUnit.SECONDS);

    assertThat(commits).hasSize(1);
    assertThat(commits.get(0)).containsExactlyInAnyOrder(1, 2);
  }

  @Test
  void anAnnouncementClosedWithoutARowStopsTheWait() {
    Duration maxWait = Duration.ofSeconds(20);
    GroupCommit<Integer> group = new GroupCommit<>(commits::add, maxWait);
    group.expect().close();

    long start = System.nanoTime();
    group.write(1);

    assertThat(System.nanoTime() - start).isLessThan(maxWait.toNanos() / 4);
    assertThat(commits).containsExactly(List.of(1));
  }

  @Test
  void aConstraintFailureInAGroupFailsOnlyTheOffendingRow() throws Exception {
    GroupCommit<Integer> group =
        new GroupCommit<>(
            rows ->
                slowly(
                    () -> {
                      if (rows.contains(13)) {
                        throw new DataIntegrityViolationException("analysis erased");
                      }
                      commits.add(rows);
                    }));
    List<Future<?>> answers = new ArrayList<>();
    for (int row = 0; row < 40; row++) {
      int mine = row;
      answers.add(requests.submit(() -> group.write(mine)));
    }

    for (int row = 0; row < 40; row++) {
      Future<?> answer = answers.get(row);
      if (row == 13) {
        assertThatThrownBy(() -> answer.get(30, TimeUnit.SECONDS))
            .hasCauseInstanceOf(DataIntegrityViolationException.class);
      } else {
        answer.get(30, TimeUnit.SECONDS);
      }
    }
    List<Integer> written = commits.stream().flatMap(List::stream).sorted().toList();
    assertThat(written).hasSize(39).doesNotContain(13).doesNotHaveDuplicates();
  }

  @Test
  void aLostDatabaseFailsEveryRowOfTheGroupWithoutRetryingEach() {
    List<Integer> attempts = Collections.synchronizedList(new ArrayList<>());
    GroupCommit<Integer> group =
        new GroupCommit<>(
            rows -> {
              attempts.add(rows.size());
              throw new DataAccessResourceFailureException("connection refused");
            });

    assertThatThrownBy(() -> group.write(1)).isInstanceOf(DataAccessResourceFailureException.class);
    assertThat(attempts).containsExactly(1);
  }

  private static void slowly(Runnable commit) {
    try {
      Thread.sleep(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    commit.run();
  }
}
