package io.promptlens.vision.neural;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * A set of lower-case English words, used to correct OCR readings that are not words ({@link
 * LexiconCorrection}). Loaded from the npm package {@code an-array-of-english-words} (MIT, about
 * 275,000 words derived from the Letterpress word list): a JSON array of strings. Immutable.
 */
public final class Lexicon {

  private final Set<String> words;

  Lexicon(Set<String> words) {
    this.words = Set.copyOf(words);
  }

  /** The word list of the model store's {@code ocr-words} entry. */
  public static Lexicon load(io.promptlens.vision.models.ModelStore store) {
    return load(store.path("ocr-words", "index.json"));
  }

  public static Lexicon load(Path json) {
    try {
      String[] array =
          JsonMapper.builder().build().readValue(Files.readAllBytes(json), String[].class);
      Set<String> words = new HashSet<>(array.length * 2);
      for (String w : array) {
        words.add(w.toLowerCase(java.util.Locale.ROOT));
      }
      return new Lexicon(words);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the word list " + json, e);
    } catch (tools.jackson.core.JacksonException e) {
      throw new IllegalStateException("the word list " + json + " is not a JSON array of words", e);
    }
  }

  public boolean contains(String lowerCaseWord) {
    return words.contains(lowerCaseWord);
  }

  public int size() {
    return words.size();
  }
}
