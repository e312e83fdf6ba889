package io.promptlens.app.web;

import io.promptlens.app.accounts.AccountUser;
import io.promptlens.app.system.IntakeProperties;
import io.promptlens.app.system.ProviderProperties;
import io.promptlens.app.workspaces.Workspace;
import io.promptlens.app.workspaces.Workspaces;
import io.promptlens.core.compiler.Mode;
import io.promptlens.core.compiler.PromptCompiler;
import io.promptlens.core.compiler.TargetProfile;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The one page. It is rendered with the target list and limits already in it, so it works before
 * any script runs and needs no extra request to fill its menus; its form is posted with htmx to the
 * workbench endpoint ({@code generations.WorkbenchPageController}), whose rendered result is
 * swapped in.
 */
@Controller
record HomeController(
    PromptCompiler compiler,
    IntakeProperties intake,
    Workspaces workspaces,
    ProviderProperties provider) {

  /**
   * The page; opened from the history ("Open in the workbench", "Re-target") with a stored
   * analysis, a target and a mode, it comes with them chosen and the analysis in the form, and the
   * script asks for the prompt once (the image itself was never stored: there is no preview).
   */
  @GetMapping("/")
  String home(
      @AuthenticationPrincipal @Nullable AccountUser user,
      @RequestParam(name = "analysis", required = false) @Nullable UUID analysis,
      @RequestParam(name = "target", required = false) @Nullable String target,
      @RequestParam(name = "mode", required = false) @Nullable String mode,
      Model model) {
    // Signed in: prompts are saved to a workspace (the personal one first). Anonymous: try it.
    List<Workspace> saveTo = user == null ? List.of() : workspaces.writableBy(user);
    model.addAttribute("saveTo", saveTo);
    // Said before the upload: which provider, if any, an image would go to, and from where.
    boolean configured = provider.kind() != null && !provider.kind().isBlank();
    model.addAttribute("providerName", configured ? provider.kind() : null);
    model.addAttribute(
        "providerWorkspaces",
        configured
            ? saveTo.stream()
                .filter(w -> workspaces.settings(w.id()).visionProvider())
                .map(Workspace::name)
                .toList()
            : List.of());
    model.addAttribute("targets", compiler.targets().all());
    model.addAttribute("modes", List.of(ModeOption.values()));
    // An analysis belongs to a workspace: only a signed-in person's page can write it again.
    model.addAttribute("openedAnalysis", user == null ? null : analysis);
    model.addAttribute(
        "selectedTarget",
        compiler.targets().all().stream()
            .map(TargetProfile::id)
            .filter(id -> id.equals(target))
            .findFirst()
            .orElse("midjourney"));
    model.addAttribute(
        "selectedMode",
        Arrays.stream(ModeOption.values())
            .filter(option -> option.value().equals(mode))
            .findFirst()
            .orElse(ModeOption.FULL));
    model.addAttribute("maxBytes", intake.maxBytes().toBytes());
    model.addAttribute("maxMegabytes", Math.max(1, intake.maxBytes().toMegabytes()));
    return "index";
  }

  /** The modes as the page offers them, with a line on what each is for. */
  enum ModeOption {
    FULL(Mode.FULL, "Full recreation", "Recreate the picture as faithfully as possible"),
    STYLE(Mode.STYLE, "Style template", "The look without the content, with a {subject} slot"),
    EDIT(Mode.EDIT, "Edit instruction", "Image-to-image: keep the picture, change what you ask"),
    VIDEO(Mode.VIDEO, "Video motion", "Image-to-video: this image as the first frame");

    private final Mode mode;
    private final String label;
    private final String hint;

    ModeOption(Mode mode, String label, String hint) {
      this.mode = mode;
      this.label = label;
      this.hint = hint;
    }

    public String value() {
      return mode.toString();
    }

    public String label() {
      return label;
    }

    public String hint() {
      return hint;
    }
  }
}
