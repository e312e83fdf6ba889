package io.promptlens.app.privacy;

import io.promptlens.app.system.ProviderProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /privacy}: the policy, rendered from the app's own configuration (controller, contacts,
 * processors, the configured vision-language provider as sub-processor, retention periods), so it
 * cannot say something the running app does not do.
 */
@Controller
record PrivacyPageController(PrivacyProperties properties, ProviderProperties provider) {

  /** The vision-language provider images may go to, when one is configured. */
  record SubProcessor(String name, String model, String location) {}

  @GetMapping("/privacy")
  String privacy(Model model) {
    model.addAttribute("policy", properties);
    model.addAttribute("subProcessor", subProcessor());
    model.addAttribute("logDays", properties.connectionLogRetention().toDays());
    model.addAttribute("anonymousDays", properties.anonymousRetention().toDays());
    model.addAttribute("graceDays", properties.erasureGrace().toDays());
    model.addAttribute("closedYears", properties.closedAccountRetention().toDays() / 365);
    return "privacy/policy";
  }

  private @Nullable SubProcessor subProcessor() {
    String kind = provider.kind();
    if (kind == null || kind.isBlank()) {
      return null;
    }
    return new SubProcessor(
        kind,
        provider.model() == null || provider.model().isBlank()
            ? "its default model"
            : provider.model(),
        properties.providerLocations().getOrDefault(kind, "location not configured"));
  }
}
