package io.promptlens.app.library;

import io.promptlens.app.generations.Generation;
import io.promptlens.app.generations.GenerationRepository;
import io.promptlens.app.library.LibraryItem.Version;
import io.promptlens.app.workspaces.Member;
import io.promptlens.app.workspaces.Owner;
import io.promptlens.app.workspaces.Permission;
import io.promptlens.app.workspaces.WorkspaceProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Save, edit (a new version each time), tag, favourite and share prompts. Items are private to
 * their author until shared; anyone who may create in the workspace may edit what they can see; the
 * author or an admin shares.
 */
@Service
class Library {

  static final int MAX_TAGS = 20;

  /**
   * What a new item is made of: a stored generation (its text, or {@code prompt} where sent: the
   * generation's prompt as edited), or the text by hand.
   */
  record NewItem(
      @Nullable UUID generationId,
      @Nullable String title,
      @Nullable String prompt,
      @Nullable String negativePrompt,
      @Nullable String target,
      @Nullable String mode,
      @Nullable List<String> tags,
      @Nullable UUID collectionId) {}

  /** An edit: null fields keep their value; {@code baseVersion}, when sent, must be current. */
  record Edit(
      @Nullable String title,
      @Nullable String prompt,
      @Nullable String negativePrompt,
      @Nullable List<String> tags,
      @Nullable String note,
      @Nullable Integer baseVersion) {}

  private final LibraryRepository repository;
  private final GenerationRepository generations;
  private final Clock clock;

  Library(LibraryRepository repository, GenerationRepository generations, Clock clock) {
    this.repository = repository;
    this.generations = generations;
    this.clock = clock;
  }

  @Transactional
  LibraryItem save(Member member, NewItem item) {
    require(member, Permission.CREATE);
    String prompt = item.prompt();
    String negative = item.negativePrompt();
    String target = item.target();
    String mode = item.mode();
    UUID generationId = item.generationId();
    if (generationId != null) {
      Generation generation =
          generations
              .find(Owner.of(member), generationId)
              .orElseThrow(() -> WorkspaceProblem.notFound("generation", generationId));
      // A prompt sent with the generation is that prompt as the person edited it before saving
      // (the workbench's editable prompt): the item keeps its link to the generation either way.
      prompt = item.prompt() == null || item.prompt().isBlank() ? generation.prompt() : prompt;
      negative = generation.negativePrompt();
      target = generation.target();
      mode = generation.mode().toString();
    }
    if (prompt == null || prompt.isBlank()) {
      throw WorkspaceProblem.badRequest("Send a generationId, or a prompt to save.");
    }
    checkLengths(prompt, negative, item.title(), null, target, mode);
    if (item.collectionId() != null
        && repository.collection(member.workspaceId(), item.collectionId()).isEmpty()) {
      throw WorkspaceProblem.notFound("collection", item.collectionId());
    }
    Instant now = now();
    UUID id = UUID.randomUUID();
    repository.insertItem(
        id, member.workspaceId(), item.collectionId(), item.generationId(), member.userId(), now);
    repository.insertVersion(
        id,
        new Version(
            1,
            title(item.title(), prompt),
            prompt.strip(),
            blankToNull(negative),
            target == null || target.isBlank() ? "custom" : target.strip(),
            mode == null || mode.isBlank() ? "full" : mode.strip(),
            null,
            member.userId(),
            now));
    repository.replaceTags(id, tags(item.tags()));
    return get(member, id);
  }

  @Transactional(readOnly = true)
  LibraryItem get(Member member, UUID id) {
    return repository
        .visible(member.workspaceId(), member.userId(), LibraryRepository.Filter.byId(id))
        .stream()
        .findFirst()
        .orElseThrow(() -> WorkspaceProblem.notFound("library item", id));
  }

  @Transactional(readOnly = true)
  List<LibraryItem> list(Member member, LibraryRepository.Filter filter) {
    return repository.visible(member.workspaceId(), member.userId(), filter);
  }

  @Transactional(readOnly = true)
  List<Version> versions(Member member, UUID id) {
    get(member, id);
    return repository.versions(id);
  }

  @Transactional
  LibraryItem edit(Member member, UUID id, Edit edit) {
    require(member, Permission.CREATE);
    LibraryItem item = get(member, id);
    Version current = item.current();
    if (edit.baseVersion() != null && edit.baseVersion() != current.version()) {
      throw WorkspaceProblem.conflict(
          "Someone saved version "
              + current.version()
              + " since you opened version "
              + edit.baseVersion()
              + ". Reload and edit again.");
    }
    String prompt = edit.prompt() == null ? current.prompt() : edit.prompt().strip();
    checkLengths(prompt, edit.negativePrompt(), edit.title(), edit.note(), null, null);
    if (prompt.isEmpty()) {
      throw WorkspaceProblem.badRequest("The prompt cannot be empty.");
    }
    try {
      repository.insertVersion(
          id,
          new Version(
              current.version() + 1,
              edit.title() == null ? current.title() : title(edit.title(), prompt),
              prompt,
              edit.negativePrompt() == null
                  ? current.negativePrompt()
                  : blankToNull(edit.negativePrompt()),
              current.target(),
              current.mode(),
              blankToNull(edit.note()),
              member.userId(),
              now()));
    } catch (DuplicateKeyException raced) {
      throw WorkspaceProblem.conflict("Someone saved a new version at the same time. Reload.");
    }
    if (edit.tags() != null) {
      repository.replaceTags(id, tags(edit.tags()));
    }
    return get(member, id);
  }

  @Transactional
  LibraryItem share(Member member, UUID id) {
    requireAuthorOrAdmin(member, id, "shares");
    repository.share(id, now());
    return get(member, id);
  }

  /**
   * Puts an item into a collection of its workspace, or into none ({@code collectionId} null): an
   * item is in at most one collection, so adding to one moves it out of the other. Anyone who may
   * edit the item may move it.
   */
  @Transactional
  LibraryItem move(Member member, UUID id, @Nullable UUID collectionId) {
    require(member, Permission.CREATE);
    get(member, id);
    if (collectionId != null
        && repository.collection(member.workspaceId(), collectionId).isEmpty()) {
      throw WorkspaceProblem.notFound("collection", collectionId);
    }
    repository.move(member.workspaceId(), id, collectionId);
    return get(member, id);
  }

  @Transactional
  LibraryItem favourite(Member member, UUID id, boolean on) {
    get(member, id);
    repository.favourite(id, member.userId(), on, now());
    return get(member, id);
  }

  @Transactional
  LibraryRepository.Collection createCollection(Member member, @Nullable String name) {
    require(member, Permission.CREATE);
    String trimmed = collectionName(name);
    UUID id = repository.insertCollection(member.workspaceId(), trimmed, member.userId(), now());
    return repository.collection(member.workspaceId(), id).orElseThrow();
  }

  /**
   * Soft delete: the item leaves every list and lookup (404 afterwards); its versions stay. The
   * author or an admin/owner, with CREATE.
   */
  @Transactional
  void delete(Member member, UUID id) {
    requireAuthorOrAdmin(member, id, "deletes");
    repository.softDelete(id, member.userId(), now());
  }

  @Transactional
  LibraryRepository.Collection renameCollection(Member member, UUID id, @Nullable String name) {
    require(member, Permission.CREATE);
    String trimmed = collectionName(name);
    if (repository.renameCollection(member.workspaceId(), id, trimmed) == 0) {
      throw WorkspaceProblem.notFound("collection", id);
    }
    return repository.collection(member.workspaceId(), id).orElseThrow();
  }

  /** The collection goes; its items stay, in no collection. */
  @Transactional
  void deleteCollection(Member member, UUID id) {
    require(member, Permission.CREATE);
    if (repository.collection(member.workspaceId(), id).isEmpty()) {
      throw WorkspaceProblem.notFound("collection", id);
    }
    repository.deleteCollection(member.workspaceId(), id);
  }

  private static String collectionName(@Nullable String name) {
    String trimmed = name == null ? "" : name.strip();
    if (trimmed.isEmpty() || trimmed.length() > 100) {
      throw WorkspaceProblem.badRequest("A collection name of 1 to 100 characters is required.");
    }
    return trimmed;
  }

  @Transactional(readOnly = true)
  List<LibraryRepository.Collection> collections(Member member) {
    return repository.collections(member.workspaceId());
  }

  /** The item as plain text to paste into a model's prompt box. */
  static String asText(LibraryItem item) {
    Version v = item.current();
    return v.prompt()
        + (v.negativePrompt() == null ? "" : "\n\nNegative prompt: " + v.negativePrompt())
        + "\n";
  }

  /** Sharing and deleting an item: CREATE, and the item is the member's own or they are admin. */
  private void requireAuthorOrAdmin(Member member, UUID id, String doing) {
    require(member, Permission.CREATE);
    if (!member.mayChangeWorkOf(get(member, id).createdBy())) {
      throw WorkspaceProblem.forbidden("Only the author or an admin " + doing + " an item.");
    }
  }

  private static void require(Member member, Permission permission) {
    if (!member.role().can(permission)) {
      throw WorkspaceProblem.forbidden(member.role(), permission);
    }
  }

  /**
   * The longest prompt any target takes is a few thousand characters; 10,000 leaves room for
   * hand-written ones while keeping a version (every edit stores one) from costing megabytes.
   */
  static final int MAX_PROMPT = 10_000;

  static final int MAX_NOTE = 2_000;

  static final int MAX_TITLE = 200;

  private static void checkLengths(
      @Nullable String prompt,
      @Nullable String negative,
      @Nullable String title,
      @Nullable String note,
      @Nullable String target,
      @Nullable String mode) {
    checkLength("prompt", prompt, MAX_PROMPT);
    checkLength("negativePrompt", negative, MAX_PROMPT);
    checkLength("title", title, MAX_TITLE);
    checkLength("note", note, MAX_NOTE);
    checkLength("target", target, 40);
    checkLength("mode", mode, 20);
  }

  private static void checkLength(String field, @Nullable String value, int max) {
    if (value != null && value.length() > max) {
      throw WorkspaceProblem.badRequest(
          field + " is " + value.length() + " characters; at most " + max + " are kept.");
    }
  }

  static List<String> tags(@Nullable List<String> tags) {
    if (tags == null) {
      return List.of();
    }
    Set<String> clean = new LinkedHashSet<>();
    for (String tag : tags) {
      if (tag == null) {
        throw WorkspaceProblem.badRequest("A tag is text; null is not a tag.");
      }
      for (String part : tag.split(",")) {
        String t = part.strip().toLowerCase(Locale.ROOT);
        if (!t.isEmpty()) {
          if (t.length() > 50) {
            throw WorkspaceProblem.badRequest("A tag is at most 50 characters: '" + t + "'.");
          }
          clean.add(t);
        }
      }
    }
    if (clean.size() > MAX_TAGS) {
      throw WorkspaceProblem.badRequest("At most " + MAX_TAGS + " tags per item.");
    }
    return List.copyOf(clean);
  }

  private static String title(@Nullable String title, String prompt) {
    String t = title == null || title.isBlank() ? prompt.strip() : title.strip();
    return t.length() > 80 ? t.substring(0, 77) + "…" : t;
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
