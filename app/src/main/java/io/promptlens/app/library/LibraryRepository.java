package io.promptlens.app.library;

import io.promptlens.app.library.LibraryItem.Version;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The library tables. Reads return only what the user may see: shared items and their own. */
@Repository
class LibraryRepository {

  /** Filters for {@link #visible}; null means any. */
  record Filter(
      @Nullable UUID id,
      @Nullable String text,
      @Nullable String tag,
      @Nullable UUID collection,
      boolean favouritesOnly) {

    static Filter byId(UUID id) {
      return new Filter(id, null, null, null, false);
    }
  }

  record Collection(UUID id, String name, Instant createdAt) {}

  private final JdbcClient jdbc;

  LibraryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insertItem(
      UUID id,
      UUID workspaceId,
      @Nullable UUID collectionId,
      @Nullable UUID generationId,
      UUID userId,
      Instant now) {
    jdbc.sql(
            """
            INSERT INTO library_items (id, workspace_id, collection_id, generation_id, created_by,
                created_at)
            VALUES (:id, :ws, :collection, :generation, :user, :now)
            """)
        .param("id", id)
        .param("ws", workspaceId)
        .param("collection", collectionId)
        .param("generation", generationId)
        .param("user", userId)
        .param("now", at(now))
        .update();
  }

  void insertVersion(UUID itemId, Version version) {
    jdbc.sql(
            """
            INSERT INTO library_item_versions (item_id, version, title, prompt, negative_prompt,
                target, mode, note, edited_by, edited_at)
            VALUES (:item, :version, :title, :prompt, :negative, :target, :mode, :note, :by, :at)
            """)
        .param("item", itemId)
        .param("version", version.version())
        .param("title", version.title())
        .param("prompt", version.prompt())
        .param("negative", version.negativePrompt())
        .param("target", version.target())
        .param("mode", version.mode())
        .param("note", version.note())
        .param("by", version.editedBy())
        .param("at", at(version.editedAt()))
        .update();
  }

  void replaceTags(UUID itemId, List<String> tags) {
    jdbc.sql("DELETE FROM library_item_tags WHERE item_id = :item").param("item", itemId).update();
    for (String tag : tags) {
      jdbc.sql("INSERT INTO library_item_tags (item_id, tag) VALUES (:item, :tag)")
          .param("item", itemId)
          .param("tag", tag)
          .update();
    }
  }

  void share(UUID itemId, Instant now) {
    jdbc.sql("UPDATE library_items SET shared_at = :now WHERE id = :id AND shared_at IS NULL")
        .param("now", at(now))
        .param("id", itemId)
        .update();
  }

  void favourite(UUID itemId, UUID userId, boolean on, Instant now) {
    jdbc.sql("DELETE FROM library_favourites WHERE item_id = :item AND user_id = :user")
        .param("item", itemId)
        .param("user", userId)
        .update();
    if (on) {
      jdbc.sql(
              "INSERT INTO library_favourites (item_id, user_id, created_at)"
                  + " VALUES (:item, :user, :now)")
          .param("item", itemId)
          .param("user", userId)
          .param("now", at(now))
          .update();
    }
  }

  List<LibraryItem> visible(UUID workspaceId, UUID userId, Filter filter) {
    StringBuilder sql =
        new StringBuilder(
            """
            SELECT i.id, i.workspace_id, i.collection_id, i.generation_id, i.created_by,
                i.created_at, i.shared_at, v.version, v.title, v.prompt, v.negative_prompt,
                v.target, v.mode, v.note, v.edited_by, v.edited_at,
                (SELECT COUNT(*) FROM library_favourites f
                    WHERE f.item_id = i.id AND f.user_id = :user) AS favourite
            FROM library_items i JOIN library_item_versions v ON v.item_id = i.id
                AND v.version = (SELECT MAX(v2.version) FROM library_item_versions v2
                    WHERE v2.item_id = i.id)
            WHERE i.workspace_id = :ws AND (i.shared_at IS NOT NULL OR i.created_by = :user)
                AND i.deleted_at IS NULL
            """);
    Map<String, Object> params = new HashMap<>();
    params.put("ws", workspaceId);
    params.put("user", userId);
    if (filter.id() != null) {
      sql.append(" AND i.id = :id");
      params.put("id", filter.id());
    }
    if (filter.text() != null) {
      sql.append(" AND (LOWER(v.title) LIKE :text OR LOWER(v.prompt) LIKE :text)");
      params.put(
          "text",
          "%" + filter.text().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
    }
    if (filter.tag() != null) {
      sql.append(
          " AND EXISTS (SELECT 1 FROM library_item_tags t WHERE t.item_id = i.id"
              + " AND t.tag = :tag)");
      params.put("tag", filter.tag());
    }
    if (filter.collection() != null) {
      sql.append(" AND i.collection_id = :collection");
      params.put("collection", filter.collection());
    }
    if (filter.favouritesOnly()) {
      sql.append(
          " AND EXISTS (SELECT 1 FROM library_favourites f2 WHERE f2.item_id = i.id"
              + " AND f2.user_id = :user)");
    }
    sql.append(" ORDER BY i.created_at DESC, i.id");
    return jdbc.sql(sql.toString()).params(params).query(this::map).list();
  }

  /** Hides the item; its versions, tags and favourites stay as they were. */
  void softDelete(UUID itemId, UUID userId, Instant now) {
    jdbc.sql(
            "UPDATE library_items SET deleted_at = :now, deleted_by = :user"
                + " WHERE id = :id AND deleted_at IS NULL")
        .param("now", at(now))
        .param("user", userId)
        .param("id", itemId)
        .update();
  }

  int renameCollection(UUID workspaceId, UUID id, String name) {
    return jdbc.sql(
            "UPDATE library_collections SET name = :name WHERE id = :id AND workspace_id = :ws")
        .param("name", name)
        .param("id", id)
        .param("ws", workspaceId)
        .update();
  }

  void move(UUID workspaceId, UUID id, @Nullable UUID collectionId) {
    jdbc.sql(
            "UPDATE library_items SET collection_id = :collection"
                + " WHERE id = :id AND workspace_id = :ws")
        .param("collection", collectionId)
        .param("id", id)
        .param("ws", workspaceId)
        .update();
  }

  /** The collection goes; its items stay in the library, in no collection. */
  void deleteCollection(UUID workspaceId, UUID id) {
    jdbc.sql(
            "UPDATE library_items SET collection_id = NULL"
                + " WHERE collection_id = :id AND workspace_id = :ws")
        .param("id", id)
        .param("ws", workspaceId)
        .update();
    jdbc.sql("DELETE FROM library_collections WHERE id = :id AND workspace_id = :ws")
        .param("id", id)
        .param("ws", workspaceId)
        .update();
  }

  List<Version> versions(UUID itemId) {
    return jdbc.sql(
            """
            SELECT version, title, prompt, negative_prompt, target, mode, note, edited_by,
                edited_at
            FROM library_item_versions WHERE item_id = :item ORDER BY version DESC
            """)
        .param("item", itemId)
        .query((row, n) -> version(row))
        .list();
  }

  UUID insertCollection(UUID workspaceId, String name, UUID userId, Instant now) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO library_collections (id, workspace_id, name, created_by, created_at)
            VALUES (:id, :ws, :name, :user, :now)
            """)
        .param("id", id)
        .param("ws", workspaceId)
        .param("name", name)
        .param("user", userId)
        .param("now", at(now))
        .update();
    return id;
  }

  List<Collection> collections(UUID workspaceId) {
    return jdbc.sql(
            "SELECT id, name, created_at FROM library_collections WHERE workspace_id = :ws"
                + " ORDER BY name, id")
        .param("ws", workspaceId)
        .query(
            (row, n) ->
                new Collection(
                    row.getObject("id", UUID.class),
                    row.getString("name"),
                    row.getObject("created_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  Optional<Collection> collection(UUID workspaceId, UUID id) {
    return collections(workspaceId).stream().filter(c -> c.id().equals(id)).findFirst();
  }

  private LibraryItem map(ResultSet row, int number) throws SQLException {
    UUID id = row.getObject("id", UUID.class);
    OffsetDateTime shared = row.getObject("shared_at", OffsetDateTime.class);
    return new LibraryItem(
        id,
        row.getObject("workspace_id", UUID.class),
        row.getObject("collection_id", UUID.class),
        row.getObject("generation_id", UUID.class),
        row.getObject("created_by", UUID.class),
        row.getObject("created_at", OffsetDateTime.class).toInstant(),
        shared == null ? null : shared.toInstant(),
        version(row),
        jdbc.sql("SELECT tag FROM library_item_tags WHERE item_id = :item ORDER BY tag")
            .param("item", id)
            .query(String.class)
            .list(),
        row.getLong("favourite") > 0);
  }

  private static Version version(ResultSet row) throws SQLException {
    return new Version(
        row.getInt("version"),
        row.getString("title"),
        row.getString("prompt"),
        row.getString("negative_prompt"),
        row.getString("target"),
        row.getString("mode"),
        row.getString("note"),
        row.getObject("edited_by", UUID.class),
        row.getObject("edited_at", OffsetDateTime.class).toInstant());
  }

  private static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
