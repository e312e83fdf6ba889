package io.promptlens.core.compiler;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts CLIP byte-pair-encoding tokens exactly as CLIP's {@code SimpleTokenizer} splits text (the
 * tokenizer of Stable Diffusion 1.x, SDXL's two text encoders and SD 3.5's CLIP encoders, which all
 * share the vocabulary): lower-case, collapse whitespace, split with CLIP's pattern, map UTF-8
 * bytes to CLIP's byte alphabet, apply the 48,894 merge rules by rank. The ftfy and HTML-entity
 * clean-up of the Python original is left out; prompts compiled here contain neither.
 *
 * <p>The merge rules are OpenAI's {@code bpe_simple_vocab_16e6} (MIT licence), bundled as the
 * classpath resource {@code io/promptlens/core/compiler/clip/ClipMerges.properties} and read once
 * through {@link ResourceBundle}, which keeps core free of file APIs. Thread-safe.
 */
final class ClipTokenizer {

  /** Tokens in one CLIP chunk, without the start and end markers (77 - 2). */
  static final int CHUNK = 75;

  private static final Pattern WORDS =
      Pattern.compile(
          "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d|\\p{L}+|\\p{N}|[^\\s\\p{L}\\p{N}]+",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** Bounds the word cache; prompts reuse a small vocabulary, so this is rarely reached. */
  private static final int CACHE_LIMIT = 50_000;

  private static final char[] BYTE_TO_UNICODE = byteAlphabet();

  private final Map<String, Integer> ranks;
  private final Map<String, Integer> cache = new ConcurrentHashMap<>();

  private ClipTokenizer(Map<String, Integer> ranks) {
    this.ranks = ranks;
  }

  /** The shared tokenizer, loaded on first use. */
  static ClipTokenizer get() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final ClipTokenizer INSTANCE = load();
  }

  private static ClipTokenizer load() {
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            "io.promptlens.core.compiler.clip.ClipMerges",
            Locale.ROOT,
            ClipTokenizer.class.getClassLoader(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    String[] merges = bundle.getString("merges").split("\t");
    Map<String, Integer> ranks = new HashMap<>(merges.length * 2);
    for (int i = 0; i < merges.length; i++) {
      ranks.put(merges[i], i);
    }
    return new ClipTokenizer(ranks);
  }

  /** The number of merge rules loaded (48,894 for CLIP). */
  int mergeCount() {
    return ranks.size();
  }

  /** Tokens in {@code text}, without CLIP's start and end markers. */
  int count(String text) {
    String cleaned = WHITESPACE.matcher(text).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    Matcher matcher = WORDS.matcher(cleaned);
    int tokens = 0;
    while (matcher.find()) {
      tokens += wordTokens(matcher.group());
    }
    return tokens;
  }

  private int wordTokens(String word) {
    Integer cached = cache.get(word);
    if (cached != null) {
      return cached;
    }
    int count = bpe(word).size();
    if (cache.size() < CACHE_LIMIT) {
      cache.put(word, count);
    }
    return count;
  }

  /** The BPE pieces of one pre-tokenised word, the last one marked with CLIP's {@code </w>}. */
  List<String> bpe(String word) {
    byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
    List<String> symbols = new ArrayList<>(bytes.length);
    for (byte b : bytes) {
      symbols.add(String.valueOf(BYTE_TO_UNICODE[b & 0xFF]));
    }
    int last = symbols.size() - 1;
    symbols.set(last, symbols.get(last) + "</w>");
    while (symbols.size() > 1) {
      int best = -1;
      int bestRank = Integer.MAX_VALUE;
      for (int i = 0; i < symbols.size() - 1; i++) {
        Integer rank = ranks.get(symbols.get(i) + " " + symbols.get(i + 1));
        if (rank != null && rank < bestRank) {
          bestRank = rank;
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      String first = symbols.get(best);
      String second = symbols.get(best + 1);
      List<String> merged = new ArrayList<>(symbols.size());
      int i = 0;
      while (i < symbols.size()) {
        if (i < symbols.size() - 1
            && symbols.get(i).equals(first)
            && symbols.get(i + 1).equals(second)) {
          merged.add(first + second);
          i += 2;
        } else {
          merged.add(symbols.get(i));
          i++;
        }
      }
      symbols = merged;
    }
    return symbols;
  }

  /**
   * CLIP's reversible map from bytes to printable characters (GPT-2's {@code bytes_to_unicode}):
   * printable Latin-1 bytes map to themselves, the rest to code points from 256 up.
   */
  private static char[] byteAlphabet() {
    char[] table = new char[256];
    int next = 0;
    for (int b = 0; b < 256; b++) {
      boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE);
      table[b] = printable ? (char) b : (char) (256 + next++);
    }
    return table;
  }
}
