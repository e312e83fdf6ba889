package io.promptlens.app.billing;

import io.promptlens.app.accounts.PublicLinks;
import io.promptlens.app.workspaces.WorkspaceProblem;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Chooses the Polar product for a plan or pack id and opens its checkout or the portal. */
@Service
record Checkout(BillingProperties properties, PolarClient polar, PublicLinks links) {

  /**
   * @param product a plan id ({@code pro}, {@code team}) or a pack id ({@code small}, {@code
   *     large})
   * @return the hosted checkout's URL; it returns the buyer to the Plan &amp; credits page
   */
  String checkout(UUID workspaceId, @Nullable String product) {
    polar.requireConfigured();
    String id = product == null ? "" : product.strip();
    String productId = null;
    if (properties.plans() != null && properties.plans().containsKey(id)) {
      productId = properties.plans().get(id).productId();
    } else if (properties.packs() != null && properties.packs().containsKey(id)) {
      productId = properties.packs().get(id).productId();
    }
    if (productId == null || productId.isBlank()) {
      throw WorkspaceProblem.badRequest(
          "Unknown product '"
              + product
              + "': choose a paid plan ("
              + String.join(", ", paidPlans())
              + ") or a credit pack ("
              + String.join(
                  ", ",
                  properties.packs() == null ? java.util.Set.of() : properties.packs().keySet())
              + ").");
    }
    return polar.checkout(
        workspaceId, productId, links.to("/workspaces/" + workspaceId + "/billing?checkout=done"));
  }

  String portal(UUID workspaceId) {
    return polar.customerPortal(workspaceId, links.to("/workspaces/" + workspaceId + "/billing"));
  }

  private java.util.List<String> paidPlans() {
    return properties.plans() == null
        ? java.util.List.of()
        : properties.plans().entrySet().stream()
            .filter(e -> !e.getValue().productId().isBlank())
            .map(java.util.Map.Entry::getKey)
            .sorted()
            .toList();
  }
}
