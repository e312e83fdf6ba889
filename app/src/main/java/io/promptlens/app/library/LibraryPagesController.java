package io.promptlens.app.library;

import io.promptlens.app.accounts.AccountUser;
import io.promptlens.app.workspaces.Member;
import io.promptlens.app.workspaces.Permission;
import io.promptlens.app.workspaces.Workspaces;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Library pages: a workspace's items, one item with its versions; save, edit, share, star. */
@Controller
record LibraryPagesController(Library library, Workspaces workspaces) {

  /**
   * The signed-in user's membership of the path's workspace, resolved once for every page and form
   * here: each needs at least VIEW, and {@link Library} checks the finer permission of each action.
   */
  @ModelAttribute
  Member member(@AuthenticationPrincipal AccountUser user, @PathVariable UUID workspaceId) {
    return workspaces.require(workspaceId, user, Permission.VIEW);
  }

  @GetMapping("/workspaces/{workspaceId}/library")
  String list(
      Member member,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable String tag,
      @RequestParam(required = false) @Nullable UUID collection,
      Model model) {
    String text = q == null || q.isBlank() ? null : q.strip();
    String tagName =
        tag == null || tag.isBlank() ? null : tag.strip().toLowerCase(java.util.Locale.ROOT);
    List<LibraryItem> all =
        library.list(member, new LibraryRepository.Filter(null, null, null, null, false));
    model.addAttribute("workspace", workspaces.get(member));
    model.addAttribute(
        "items",
        library.list(member, new LibraryRepository.Filter(null, text, tagName, collection, false)));
    model.addAttribute("total", all.size());
    model.addAttribute(
        "tags", all.stream().flatMap(i -> i.tags().stream()).distinct().sorted().toList());
    model.addAttribute("collections", library.collections(member));
    model.addAttribute(
        "collectionNames",
        library.collections(member).stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    LibraryRepository.Collection::id, LibraryRepository.Collection::name)));
    model.addAttribute("collection", collection);
    model.addAttribute("q", text == null ? "" : text);
    model.addAttribute("tag", tagName == null ? "" : tagName);
    model.addAttribute("filtered", text != null || tagName != null || collection != null);
    model.addAttribute("canEdit", member.role().can(Permission.CREATE));
    return "library/list";
  }

  @GetMapping("/workspaces/{workspaceId}/library/{id}")
  String show(Member member, @PathVariable UUID id, Model model) {
    LibraryItem item = library.get(member, id);
    model.addAttribute("workspace", workspaces.get(member));
    model.addAttribute("item", item);
    model.addAttribute("versions", library.versions(member, id));
    model.addAttribute("canEdit", member.role().can(Permission.CREATE));
    model.addAttribute("canShare", !item.shared() && member.mayChangeWorkOf(item.createdBy()));
    model.addAttribute("text", Library.asText(item));
    model.addAttribute(
        "canDelete",
        member.role().can(Permission.CREATE) && member.mayChangeWorkOf(item.createdBy()));
    return "library/show";
  }

  /** "Save to library" from the history page. */
  @PostMapping("/workspaces/{workspaceId}/library")
  String save(Member member, @RequestParam UUID generationId) {
    LibraryItem item =
        library.save(
            member,
            new Library.NewItem(generationId, null, null, null, null, null, List.of(), null));
    return toItem(member, item.id());
  }

  @PostMapping("/workspaces/{workspaceId}/library/{id}")
  String edit(
      Member member,
      @PathVariable UUID id,
      @RequestParam String title,
      @RequestParam String prompt,
      @RequestParam(defaultValue = "") String tags,
      @RequestParam(defaultValue = "") String note,
      @RequestParam int baseVersion) {
    library.edit(
        member, id, new Library.Edit(title, prompt, null, List.of(tags), note, baseVersion));
    return toItem(member, id);
  }

  @PostMapping("/workspaces/{workspaceId}/library/{id}/share")
  String share(Member member, @PathVariable UUID id) {
    library.share(member, id);
    return toItem(member, id);
  }

  @PostMapping("/workspaces/{workspaceId}/library/{id}/delete")
  String delete(Member member, @PathVariable UUID id) {
    library.delete(member, id);
    return toLibrary(member, "?deleted");
  }

  /** "Move to" on the library page: into another collection, or out of every one. */
  @PostMapping("/workspaces/{workspaceId}/library/{id}/collection")
  String move(
      Member member,
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable UUID collectionId) {
    library.move(member, id, collectionId);
    return toLibrary(member, "?moved");
  }

  @PostMapping("/workspaces/{workspaceId}/collections")
  String createCollection(Member member, @RequestParam String name) {
    library.createCollection(member, name);
    return toLibrary(member, "");
  }

  @PostMapping("/workspaces/{workspaceId}/collections/{id}")
  String renameCollection(Member member, @PathVariable UUID id, @RequestParam String name) {
    library.renameCollection(member, id, name);
    return toLibrary(member, "");
  }

  @PostMapping("/workspaces/{workspaceId}/collections/{id}/delete")
  String deleteCollection(Member member, @PathVariable UUID id) {
    library.deleteCollection(member, id);
    return toLibrary(member, "");
  }

  @PostMapping("/workspaces/{workspaceId}/library/{id}/favourite")
  String favourite(Member member, @PathVariable UUID id, @RequestParam boolean on) {
    library.favourite(member, id, on);
    return toItem(member, id);
  }

  private static String toItem(Member member, UUID id) {
    return "redirect:/workspaces/" + member.workspaceId() + "/library/" + id;
  }

  /** The library page, with {@code query} (empty, or a flag such as {@code ?moved}). */
  private static String toLibrary(Member member, String query) {
    return "redirect:/workspaces/" + member.workspaceId() + "/library" + query;
  }
}
