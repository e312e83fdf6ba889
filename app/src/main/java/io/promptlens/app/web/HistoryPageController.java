package io.promptlens.app.web;

import io.promptlens.app.accounts.AccountUser;
import io.promptlens.app.generations.GenerationDeletion;
import io.promptlens.app.generations.GenerationRepository;
import io.promptlens.app.generations.HistoryQuery;
import io.promptlens.app.workspaces.Member;
import io.promptlens.app.workspaces.Permission;
import io.promptlens.app.workspaces.WorkspacePages;
import io.promptlens.app.workspaces.Workspaces;
import io.promptlens.core.compiler.PromptCompiler;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /history}: a workspace's generations, searchable by text, target and date. */
@Controller
record HistoryPageController(
    GenerationRepository generations,
    Workspaces workspaces,
    PromptCompiler compiler,
    GenerationDeletion deletion,
    WorkspacePages pages) {

  @GetMapping("/history")
  String history(
      @AuthenticationPrincipal AccountUser user,
      @RequestParam(required = false) @Nullable UUID workspace,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable String target,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      Model model) {
    UUID workspaceId = workspace == null ? workspaces.personalOf(user).id() : workspace;
    Member member = pages.open(user, workspaceId, Permission.VIEW, model);
    HistoryQuery query = HistoryQuery.parse(compiler.targets(), q, target, from, to, 100);
    // The same rule as the API's (GenerationDeletion): Member.mayChangeWorkOf.
    model.addAttribute("member", member);
    model.addAttribute("workspaces", workspaces.writableBy(user));
    model.addAttribute("entries", generations.search(workspaceId, query));
    model.addAttribute("targets", compiler.targets().all());
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("target", target == null ? "" : target);
    model.addAttribute("from", from == null ? "" : from);
    model.addAttribute("to", to == null ? "" : to);
    return "history";
  }

  /** "Delete" on a history row: the same permission as {@code DELETE …/generations/{id}}. */
  @PostMapping("/workspaces/{workspaceId}/history/{id}/delete")
  String delete(
      @AuthenticationPrincipal AccountUser user,
      @PathVariable UUID workspaceId,
      @PathVariable UUID id) {
    deletion.delete(workspaces.require(workspaceId, user, Permission.CREATE), id);
    return "redirect:/history?workspace=" + workspaceId + "&deleted";
  }
}
