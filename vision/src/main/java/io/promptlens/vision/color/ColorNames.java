package io.promptlens.vision.color;

import io.promptlens.vision.measure.Oklab;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Names a colour after the nearest entry, by OKLab distance, of the xkcd colour survey list shipped
 * in this package's resources (CC0; see README.md next to it). Names listed in {@code
 * xkcd-excluded.txt} are skipped. Immutable and thread-safe; {@link #xkcd()} loads the list once.
 */
public final class ColorNames {

  private static final String DATA = "xkcd-colors.json";
  private static final String EXCLUDED = "xkcd-excluded.txt";

  private final List<String> names;
  private final List<Oklab.Lab> colors;

  ColorNames(List<String> names, List<Oklab.Lab> colors) {
    if (names.isEmpty() || names.size() != colors.size()) {
      throw new IllegalArgumentException("need one colour per name, at least one");
    }
    this.names = List.copyOf(names);
    this.colors = List.copyOf(colors);
  }

  /** The shipped xkcd list less its exclusions. */
  public static ColorNames xkcd() {
    return Holder.XKCD;
  }

  private static final class Holder {
    static final ColorNames XKCD = load();
  }

  public int size() {
    return names.size();
  }

  /** The name of the nearest listed colour to a packed 0xRRGGBB colour. */
  public String nameOf(int rgb) {
    Oklab.Lab lab = Oklab.fromRgb(rgb);
    int best = 0;
    double bestDistance = Double.MAX_VALUE;
    for (int i = 0; i < colors.size(); i++) {
      double distance = colors.get(i).distance(lab);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = i;
      }
    }
    return names.get(best);
  }

  private static ColorNames load() {
    Set<String> excluded = readExcluded();
    JsonNode list;
    try (InputStream in = open(DATA)) {
      list = JsonMapper.builder().build().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DATA, e);
    }
    List<String> names = new ArrayList<>();
    List<Oklab.Lab> colors = new ArrayList<>();
    for (JsonNode entry : list) {
      String name = entry.get("name").asString().trim().toLowerCase(Locale.ROOT);
      if (excluded.contains(name)) {
        continue;
      }
      names.add(name);
      colors.add(Oklab.fromRgb(Integer.parseInt(entry.get("hex").asString().substring(1), 16)));
    }
    return new ColorNames(names, colors);
  }

  private static Set<String> readExcluded() {
    Set<String> excluded = new HashSet<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(open(EXCLUDED), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#")) {
          excluded.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + EXCLUDED, e);
    }
    return excluded;
  }

  private static InputStream open(String resource) throws IOException {
    InputStream in = ColorNames.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IOException("resource missing: " + resource);
    }
    return in;
  }
}
