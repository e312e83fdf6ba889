package io.promptlens.app.batches;

import io.promptlens.app.accounts.AccountUser;
import io.promptlens.app.workspaces.Permission;
import io.promptlens.app.workspaces.WorkspacePages;
import io.promptlens.core.compiler.PromptCompiler;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Batch pages: upload many images (files, a folder or a ZIP) and the recent batches; one batch with
 * its live progress and downloads. The pages call the API from {@code /js/batches.js}.
 */
@Controller
record BatchPagesController(
    BatchService batches,
    BatchRepository repository,
    WorkspacePages pages,
    PromptCompiler compiler) {

  @GetMapping("/workspaces/{workspaceId}/batches")
  String list(
      @AuthenticationPrincipal AccountUser user, @PathVariable UUID workspaceId, Model model) {
    pages.open(user, workspaceId, Permission.VIEW, model);
    model.addAttribute("targets", compiler.targets().all());
    model.addAttribute("recent", repository.recent(workspaceId, 20));
    return "batches/list";
  }

  @GetMapping("/workspaces/{workspaceId}/batches/{batchId}")
  String show(
      @AuthenticationPrincipal AccountUser user,
      @PathVariable UUID workspaceId,
      @PathVariable UUID batchId,
      Model model) {
    pages.open(user, workspaceId, Permission.VIEW, model);
    model.addAttribute("batch", batches.view(workspaceId, batchId));
    return "batches/show";
  }
}
