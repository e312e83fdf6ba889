package io.promptlens.app.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The one registry of where personal data lives: every table of the schema is either a {@link
 * Table} here (how its rows relate to a person, what the export leaves out, what erasure does) or
 * named in {@link #NOT_PERSONAL} with the reason. The export ({@link DataExport}) and the erasure
 * ({@link Erasure}) are both driven by this list, in this order, and {@code
 * PersonalDataRegistryTests} reads the live schema (H2 and PostgreSQL) and fails when a table is in
 * neither. A feature that adds a table adds its entry here and its rows to {@code
 * docs/privacy-inventory.md}.
 *
 * <p>Conditions are SQL over the table's own columns with three parameters: {@code :user} (the
 * person's id), {@code :userText} (the same id as text, for tables that store it so) and {@code
 * :email} (their lower-cased email).
 */
final class PersonalData {

  private PersonalData() {}

  /**
   * @param name the table
   * @param rows the person's rows: exported, and the scope of {@code clear}
   * @param delete rows deleted at erasure (null: none by this rule)
   * @param workspaceColumn where rows belong to a workspace: all rows of the person's personal
   *     workspace go with it at erasure (null: not workspace content)
   * @param reassign columns naming the person in rows that stay (team content, accounting rows):
   *     re-pointed at the erased account's tombstone, which names nobody
   * @param clear columns set to NULL in the person's remaining rows
   * @param secret columns never exported (hashes of secrets, session ids, serialized state)
   */
  record Table(
      String name,
      String rows,
      @Nullable String delete,
      @Nullable String workspaceColumn,
      List<String> reassign,
      List<String> clear,
      Set<String> secret) {

    Table deleting(String condition) {
      return new Table(name, rows, condition, workspaceColumn, reassign, clear, secret);
    }

    Table inWorkspace(String column) {
      return new Table(name, rows, delete, column, reassign, clear, secret);
    }

    Table reassigning(String... columns) {
      return new Table(name, rows, delete, workspaceColumn, List.of(columns), clear, secret);
    }

    Table clearing(String... columns) {
      return new Table(name, rows, delete, workspaceColumn, reassign, List.of(columns), secret);
    }

    Table secret(String... columns) {
      return new Table(name, rows, delete, workspaceColumn, reassign, clear, Set.of(columns));
    }

    boolean exports(String column) {
      return secret.stream().noneMatch(s -> s.equalsIgnoreCase(column));
    }
  }

  private static Table table(String name, String rows) {
    return new Table(name, rows, null, null, List.of(), List.of(), Set.of());
  }

  /** In erasure order: rows that point at others go before the rows they point at. */
  static final List<Table> TABLES =
      List.of(
          table("connection_logs", "user_id = :user").deleting("user_id = :user"),
          table("export_downloads", "user_id = :user")
              .deleting("user_id = :user")
              .secret("token_hash", "archive"),
          table("email_changes", "user_id = :user")
              .deleting("user_id = :user")
              .secret("token_hash"),
          // Kept as proof that a request was answered, without saying whose it was.
          table("privacy_requests", "user_id = :user OR requester_email = :email")
              .clearing("user_id", "requester_email", "note"),
          table("account_tokens", "user_id = :user")
              .deleting("user_id = :user")
              .secret("token_hash"),
          table("sign_in_attempts", "email = :email").deleting("email = :email"),
          table("persistent_logins", "username = :userText")
              .deleting("username = :userText")
              .secret("series", "token"),
          table(
                  "spring_session_attributes",
                  "session_primary_id IN (SELECT primary_id FROM spring_session"
                      + " WHERE principal_name = :userText)")
              .secret("session_primary_id", "attribute_bytes"),
          table("spring_session", "principal_name = :userText")
              .deleting("principal_name = :userText")
              .secret("primary_id", "session_id"),
          table(
                  "idempotency_records",
                  "caller = :userText OR caller IN (SELECT 'key:' || CAST(id AS VARCHAR(36))"
                      + " FROM api_keys WHERE created_by = :user)")
              .deleting(
                  "caller = :userText OR caller IN (SELECT 'key:' || CAST(id AS VARCHAR(36))"
                      + " FROM api_keys WHERE created_by = :user)"),
          // Credits (billing): accounting rows stay with the team's ledger, re-pointed at the
          // tombstone; the key column is cleared before the person's keys are deleted.
          table("credit_ledger", "user_id = :user")
              .inWorkspace("workspace_id")
              .reassigning("user_id")
              .clearing("api_key_id"),
          table("credit_reservations", "user_id = :user")
              .inWorkspace("workspace_id")
              .reassigning("user_id")
              .clearing("api_key_id"),
          table(
                  "credit_balances",
                  "workspace_id IN (SELECT workspace_id FROM memberships WHERE user_id = :user)")
              .inWorkspace("workspace_id"),
          table(
                  "workspace_plans",
                  "workspace_id IN (SELECT workspace_id FROM memberships WHERE user_id = :user)")
              .inWorkspace("workspace_id"),
          table(
                  "polar_orders",
                  "workspace_id IN (SELECT workspace_id FROM memberships WHERE user_id = :user)")
              .inWorkspace("workspace_id"),
          table("api_rate_windows", "key_id IN (SELECT id FROM api_keys WHERE created_by = :user)")
              .deleting("key_id IN (SELECT id FROM api_keys WHERE created_by = :user)"),
          table("api_keys", "created_by = :user")
              .deleting("created_by = :user")
              .inWorkspace("workspace_id")
              .secret("key_hash"),
          table("library_favourites", "user_id = :user").deleting("user_id = :user"),
          table(
              "library_item_tags",
              "item_id IN (SELECT id FROM library_items WHERE created_by = :user)"),
          table("library_item_versions", "edited_by = :user").reassigning("edited_by"),
          table("library_items", "created_by = :user OR deleted_by = :user")
              .inWorkspace("workspace_id")
              .reassigning("created_by", "deleted_by"),
          table("library_collections", "created_by = :user")
              .inWorkspace("workspace_id")
              .reassigning("created_by"),
          table("style_presets", "created_by = :user OR updated_by = :user")
              .inWorkspace("workspace_id")
              .reassigning("created_by", "updated_by"),
          // Batches (issue 14): results and items before the batch they belong to, all before the
          // generations and analyses results point at. Waiting image bytes are not exported (they
          // are the person's own upload, held minutes until the item is done).
          table("batch_results", "batch_id IN (SELECT id FROM batches WHERE created_by = :user)")
              .inWorkspace("workspace_id"),
          table("batch_items", "created_by = :user")
              .inWorkspace("workspace_id")
              .reassigning("created_by")
              .secret("image"),
          table("batches", "created_by = :user")
              .inWorkspace("workspace_id")
              .reassigning("created_by"),
          table(
                  "generation_thumbnails",
                  "generation_id IN (SELECT id FROM generations WHERE created_by = :user)")
              .inWorkspace("workspace_id"),
          table("generations", "created_by = :user OR deleted_by = :user")
              .inWorkspace("workspace_id")
              .reassigning("created_by", "deleted_by"),
          table("analyses", "created_by = :user")
              .inWorkspace("workspace_id")
              .reassigning("created_by"),
          // Invitations sent to the person go; those they sent or accepted stay with the team.
          table("invitations", "email = :email OR invited_by = :user OR accepted_by = :user")
              .deleting("email = :email")
              .inWorkspace("workspace_id")
              .reassigning("invited_by", "accepted_by")
              .secret("token_hash"),
          table("memberships", "user_id = :user")
              .deleting("user_id = :user")
              .inWorkspace("workspace_id"),
          table("workspaces", "id IN (SELECT workspace_id FROM memberships WHERE user_id = :user)")
              .inWorkspace("id")
              .reassigning("created_by"),
          // The account itself: Erasure replaces it by a tombstone last.
          table("users", "id = :user").secret("password_hash"));

  /** Tables that hold nothing that traces to a person, and why. */
  static final Map<String, String> NOT_PERSONAL =
      Map.of(
          "flyway_schema_history",
          "the migrations applied to the schema",
          "anonymous_rate_windows",
          "per-minute upload counts keyed by the SHA-256 of a client address, kept minutes,"
              + " linked to no account",
          "anonymous_daily_windows",
          "per-day try-it counts keyed by the SHA-256 of a client address, kept two days,"
              + " linked to no account",
          "polar_webhook_events",
          "ids and types of Polar's webhook deliveries, to process each once; no person",
          "polar_refunds",
          "Polar refund ids and amounts per order id; the order (polar_orders) names the"
              + " workspace");

  static Optional<Table> find(String table) {
    String wanted = table.toLowerCase(Locale.ROOT);
    return TABLES.stream().filter(t -> t.name().equals(wanted)).findFirst();
  }
}
