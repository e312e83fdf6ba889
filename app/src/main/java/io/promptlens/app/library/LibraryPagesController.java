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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Library pages: a workspace's items, one item with its versions; save, edit, share, star. */
@Controller
class LibraryPagesController {

  private final Library library;
  private final Workspaces workspaces;

  LibraryPagesController(Library library, Workspaces workspaces) {
    this.library = library;
    this.workspaces = workspaces;
  }

  @GetMapping("/workspaces/{workspaceId}/library")
  String list(
      @AuthenticationPrincipal AccountUser user,
      @PathVariable UUID workspaceId,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable String tag,
      @RequestParam(required = false) @Nullable UUID collection,
      Model model) {
    Member member = workspaces.require(workspaceId, user, Permission.VIEW);
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
  String show(
      @AuthenticationPrincipal AccountUser user,
      @PathVariable UUID workspaceId,
      @PathVariable UUID id,
      Model model) {
    Member member = workspaces.require(workspaceId, user, Permission.VIEW);
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
  String save(
      @AuthenticationPrincipal AccountUser user,
      @PathVariable UUID workspaceId,
      @RequestParam UUID generationId) {
    Member member = workspaces.require(workspaceId, user, Permission.VIEW);
    LibraryItem item =
        library.save(
            member,
            new Library.NewItem(generationId, null, null, null, null, null, List.of(), null));
    return "redirect:/workspaces/" + workspaceId + "/library/" + item.id();
  }

  @PostMapping("/workspaces/{workspaceId}/library/{id}")
  String edit(
      @AuthenticationPrincipal AccountUser user,
      @PathVariable UUID workspaceId,
      @PathVariable UUID id,
      @RequestParam String title,
      @RequestParam String prompt,
      @RequestParam(defaultValue = "") String tags,
      @RequestParam(defaultValue = "") String note,
      @RequestParam int baseVersion) {
    Member member = workspaces.require(workspaceId, user, Permission.VIEW);
    library.edit(
        member, id, new Library.Edit(title, prompt, null, List.of(tags), note, baseVersion));
    return "redirect:/workspaces/" + workspaceId + "/library/" + id;
  }

  @PostMapping("/workspaces/{workspaceId}/library/{id}/share")
  String share(
      @AuthenticationPrincipal AccountUser user,
      @PathVariable UUID workspaceId,
      @PathVariable UUID id) {
    library.share(workspaces.require(workspaceId, user, Permission.VIEW), id);
    return "redirect:/workspaces/" + workspaceId + "/library/" + id;
  }

  @PostMapping("/workspaces/{workspaceId}/library/{id}/delete")
  String delete(
      @AuthenticationPrincipal AccountUser user,
      @PathVariable UUID workspaceId,
      @PathVariable UUID id) {
    library.delete(workspaces.require(workspaceId, user, Permission.VIEW), id);
    return "redirect:/workspaces/" + workspaceId + "/library?deleted";
  }

  /** "Move to" on the library page: into another collection, or out of every one. */
  @PostMapping("/workspaces/{workspaceId}/library/{id}/collection")
  String move(
      @AuthenticationPrincipal AccountUser user,
      @PathVariable UUID workspaceId,
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable UUID collectionId) {
    library.move(workspaces.require(workspaceId, user, Permission.VIEW), id, collectionId);
    return "redirect:/workspaces/" + workspaceId + "/library?moved";
  }

  @PostMapping("/workspaces/{workspaceId}/collections")
  String createCollection(
      @AuthenticationPrincipal AccountUser user,
      @PathVariable UUID workspaceId,
      @RequestParam String name) {
    library.createCollection(workspaces.require(workspaceId, user, Permission.VIEW), name);
    return "redirect:/workspaces/" + workspaceId + "/library";
  }

  @PostMapping("/workspaces/{workspaceId}/collections/{id}")
  String renameCollection(
      @AuthenticationPrincipal AccountUser user,
      @PathVariable UUID workspaceId,
      @PathVariable UUID id,
      @RequestParam String name) {
    library.renameCollection(workspaces.require(workspaceId, user, Permission.VIEW), id, name);
    return "redirect:/workspaces/" + workspaceId + "/library";
  }

  @PostMapping("/workspaces/{workspaceId}/collections/{id}/delete")
  String deleteCollection(
      @AuthenticationPrincipal AccountUser user,
      @PathVariable UUID workspaceId,
      @PathVariable UUID id) {
    library.deleteCollection(workspaces.require(workspaceId, user, Permission.VIEW), id);
    return "redirect:/workspaces/" + workspaceId + "/library";
  }

  @PostMapping("/workspaces/{workspaceId}/library/{id}/favourite")
  String favourite(
      @AuthenticationPrincipal AccountUser user,
      @PathVariable UUID workspaceId,
      @PathVariable UUID id,
      @RequestParam boolean on) {
    library.favourite(workspaces.require(workspaceId, user, Permission.VIEW), id, on);
    return "redirect:/workspaces/" + workspaceId + "/library/" + id;
  }
}
