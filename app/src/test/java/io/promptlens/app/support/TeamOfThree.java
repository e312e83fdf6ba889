package io.promptlens.app.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The three people of the permission tests, fresh before each test: Ada owns the workspace "Team",
 * Bob joined it as {@link #bobsRole()} (a member unless a test class says otherwise) and Cy as a
 * viewer, so each rule is tried by the owner, by one who may act and by one who may only look.
 */
public abstract class TeamOfThree {

  @LocalServerPort protected int port;
  protected UserSession ada;
  protected UserSession bob;
  protected UserSession cy;

  /** The workspace's id. */
  protected String team;

  /** Bob's role in the team. */
  protected String bobsRole() {
    return "member";
  }

  @BeforeEach
  void adaBobAndCyFormATeam() {
    ada = UserSession.verified(port, "Ada");
    bob = UserSession.verified(port, "Bob");
    cy = UserSession.verified(port, "Cy");
    team = Teams.team(ada, "Team");
    Teams.join(ada, team, bob, bobsRole());
    Teams.join(ada, team, cy, "viewer");
  }
}
