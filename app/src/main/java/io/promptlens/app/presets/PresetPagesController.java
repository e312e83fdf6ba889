package io.promptlens.app.presets;

import io.promptlens.app.accounts.AccountUser;
import io.promptlens.app.analyses.ImageUploads;
import io.promptlens.app.system.Processing;
import io.promptlens.app.workspaces.Member;
import io.promptlens.app.workspaces.Permission;
import io.promptlens.app.workspaces.WorkspacePages;
import io.promptlens.app.workspaces.Workspaces;
import io.promptlens.core.compiler.Mode;
import io.promptlens.core.compiler.PromptCompiler;
import io.promptlens.vision.intake.ImageRejectedException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Preset pages: the workspace's styles with a form to make one by hand; one style with its
 * swatches, "apply to a subject" and the on-style check (an uploaded image, analysed and not
 * stored).
 */
@Controller
record PresetPagesController(
    Presets presets,
    Workspaces workspaces,
    PromptCompiler compiler,
    ImageUploads uploads,
    WorkspacePages pages) {

  @GetMapping("/workspaces/{workspaceId}/presets")
  String list(
      @AuthenticationPrincipal AccountUser user, @PathVariable UUID workspaceId, Model model) {
    Member member = pages.open(user, workspaceId, Permission.VIEW, model);
    model.addAttribute("presets", presets.list(member));
    return "presets/list";
  }

  @PostMapping("/workspaces/{workspaceId}/presets")
  String create(
      @AuthenticationPrincipal AccountUser user,
      @PathVariable UUID workspaceId,
      @RequestParam String name,
      @RequestParam String palette,
      @RequestParam(defaultValue = "") String lightKey,
      @RequestParam(defaultValue = "") String contrast,
      @RequestParam(defaultValue = "") String medium,
      @RequestParam(defaultValue = "") String lens,
      @RequestParam(defaultValue = "") String mood,
      @RequestParam(defaultValue = "") String avoid) {
    Member member = workspaces.require(workspaceId, user, Permission.VIEW);
    StyleSpec style =
        new StyleSpec(
            split(palette).stream().map(hex -> new StyleSpec.Swatch(hex, null)).toList(),
            lightKey,
            contrast,
            medium,
            lens,
            null,
            split(mood),
            split(avoid));
    Presets.Preset preset = presets.create(member, name, null, style);
    return "redirect:/workspaces/" + workspaceId + "/presets/" + preset.id();
  }

  @GetMapping("/workspaces/{workspaceId}/presets/{id}")
  String show(
      @AuthenticationPrincipal AccountUser user,
      @PathVariable UUID workspaceId,
      @PathVariable UUID id,
      Model model) {
    Member member = pages.open(user, workspaceId, Permission.VIEW, model);
    model.addAttribute("preset", presets.get(member, id));
    model.addAttribute("targets", compiler.targets().all());
    return "presets/show";
  }

  @Processing
  @PostMapping("/workspaces/{workspaceId}/presets/{id}/apply")
  String apply(
      @AuthenticationPrincipal AccountUser user,
      @PathVariable UUID workspaceId,
      @PathVariable UUID id,
      @RequestParam String subject,
      @RequestParam(defaultValue = "midjourney") String target,
      @RequestParam(defaultValue = "style") String mode,
      Model model) {
    show(user, workspaceId, id, model);
    // show() puts the preset in the model or throws (not found, not a member).
    Presets.Preset preset = Objects.requireNonNull((Presets.Preset) model.getAttribute("preset"));
    io.promptlens.core.compiler.PromptResult result =
        StyleApplier.asked(
            () ->
                StyleApplier.apply(
                    compiler,
                    preset,
                    subject.strip(),
                    compiler.targets().require(target).id(),
                    Mode.parse(mode),
                    null,
                    null));
    String applied = result.prompt().replace("{subject}", subject.strip());
    // The form keeps what was asked, so a second target or subject is one change away.
    model.addAttribute("subject", subject.strip());
    model.addAttribute("target", result.target());
    model.addAttribute("mode", mode.strip().toLowerCase(java.util.Locale.ROOT));
    model.addAttribute("negative", result.negativePrompt());
    model.addAttribute("applied", applied);
    return "presets/show";
  }

  @Processing
  @PostMapping("/workspaces/{workspaceId}/presets/{id}/check")
  String check(
      @AuthenticationPrincipal AccountUser user,
      @PathVariable UUID workspaceId,
      @PathVariable UUID id,
      @RequestParam(name = "image", required = false) @Nullable MultipartFile image,
      Model model)
      throws ImageRejectedException {
    show(user, workspaceId, id, model);
    // show() puts the preset in the model or throws (not found, not a member).
    Presets.Preset preset = Objects.requireNonNull((Presets.Preset) model.getAttribute("preset"));
    model.addAttribute(
        "check", StyleScore.score(preset.style(), uploads.analyze(image).analysis()));
    return "presets/show";
  }

  private static List<String> split(String text) {
    return Arrays.stream(text.split("[,\\n]"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
