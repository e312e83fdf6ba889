package io.promptlens.app.providers;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /admin/providers}: the providers' defaults and keys, and a fresh check of the configured
 * one (one model-list call per view). Signed-in users only, like every page not listed as public.
 */
@Controller
record ProviderStatusController(ProviderStatus status) {

  @GetMapping("/admin/providers")
  String providers(Model model) {
    model.addAttribute("report", status.report(true));
    return "providers/status";
  }
}
