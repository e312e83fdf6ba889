package io.promptlens.core.compiler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The known targets, looked up by id or alias (case-insensitive). Immutable. */
public final class TargetRegistry {

  private final List<TargetProfile> profiles;
  private final Map<String, TargetProfile> byName = new LinkedHashMap<>();

  public TargetRegistry(List<TargetProfile> profiles) {
    this.profiles = List.copyOf(profiles);
    for (TargetProfile profile : this.profiles) {
      register(profile.id(), profile);
      profile.aliases().forEach(alias -> register(alias, profile));
    }
  }

  /** The targets PromptLens ships with. */
  public static TargetRegistry builtIn() {
    return new TargetRegistry(BuiltInTargets.ALL);
  }

  public List<TargetProfile> all() {
    return profiles;
  }

  /** The profile for an id or alias; the exception lists the valid ids. */
  public TargetProfile require(String idOrAlias) {
    TargetProfile profile =
        idOrAlias == null ? null : byName.get(idOrAlias.strip().toLowerCase(Locale.ROOT));
    if (profile == null) {
      throw new UnknownTargetException(
          idOrAlias, profiles.stream().map(TargetProfile::id).toList());
    }
    return profile;
  }

  private void register(String name, TargetProfile profile) {
    TargetProfile previous = byName.putIfAbsent(name.toLowerCase(Locale.ROOT), profile);
    if (previous != null) {
      throw new IllegalArgumentException(
          "target name '" + name + "' used by " + previous.id() + " and " + profile.id());
    }
  }
}
