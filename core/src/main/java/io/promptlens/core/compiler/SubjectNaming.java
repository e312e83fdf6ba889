package io.promptlens.core.compiler;

import io.promptlens.core.analysis.ImageAnalysis;
import io.promptlens.core.analysis.MainSubject;
import io.promptlens.core.analysis.MediumLabel;
import io.promptlens.core.analysis.Subject;
import io.promptlens.core.analysis.SubjectCategory;
import io.promptlens.core.analysis.TextContent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Names what the picture is of, from the evidence in an analysis, or says that nothing is confident
 * enough to name it. The one rule for which detections a prompt may name: each class's score must
 * reach its threshold in {@link StatementThresholds}; nothing from a detector trained on
 * photographs is named on a document or a flat graphic; a class seen four or more times in small
 * boxes is a pattern, not objects; a person box inside a stronger animal box is the animal; one
 * dominant person among several much smaller ones is "a person in front of a crowd". A page of text
 * is named when the medium says document or when read lines cover much of the frame; a
 * vision-language provider's subjects, when present, are the name.
 */
public final class SubjectNaming {

  /** COCO animal classes. */
  static final Set<String> ANIMALS =
      Set.of("bird", "cat", "dog", "horse", "sheep", "cow", "elephant", "bear", "zebra", "giraffe");

  /** A class seen this many times in small boxes is a repeated pattern. */
  static final int PATTERN_COUNT = 4;

  /** ... each box under this share of the frame. */
  static final double PATTERN_AREA = 0.03;

  /** A person this many times larger than every other person dominates them. */
  static final double DOMINANT_RATIO = 4;

  /**
   * Read lines of running text ({@link TextContent#readsAsRunningText}) covering this share of the
   * frame make it a page of text: text is then the dominant content, not a label or a sign in a
   * scene.
   */
  static final double PAGE_TEXT_AREA = 0.25;

  /**
   * Smaller person boxes that make a crowd behind a dominant person, each at least {@link
   * #CROWD_SCORE}: several weak boxes together are evidence of many people even where no one of
   * them is certain enough to count.
   */
  static final int CROWD_OTHERS = 3;

  static final double CROWD_SCORE = 0.3;

  /**
   * A detection whose box is at least this share read lettering is the lettering: a detector
   * trained on photographs finds a remote, a phone or a sign in a printed logo or label (issue 18:
   * a biscuit box's oval brand label called a remote). Lettering on a real object covers less of
   * it: a stop sign's word, a book's title, a shirt's print.
   */
  static final double LETTERING_SHARE = 0.5;

  /**
   * How often read menu and button words ({@link TextContent#readsAsProgramWindow}) on a picture
   * whose medium is not a photograph mean a screenshot: the estimated precision (n + 1) / (n + 2)
   * of the pictures counted in eval/RESULTS.md. A photographed screen is left out by the medium.
   */
  static final double SCREENSHOT_CONFIDENCE = 0.99;

  private static final String[] NUMBERS = {
    "no", "a", "two", "three", "four", "five", "six", "seven", "eight", "nine"
  };

  private SubjectNaming() {}

  /**
   * The analysis's subject with its name decided: the measured description, if any, is kept.
   * Detector, text and medium evidence are read here; a provider's subjects (source not {@code
   * vision.}) come first when confident.
   */
  public static MainSubject name(ImageAnalysis analysis, StatementThresholds thresholds) {
    MainSubject base = analysis.subject();
    List<Subject> provider =
        analysis.subjects().stream()
            .filter(s -> !detector(s) && thresholds.says(Statement.PROVIDER, s.confidence()))
            .toList();
    if (!provider.isEmpty()) {
      List<String> names = new ArrayList<>();
      for (Subject s : provider) {
        String label = Texts.clean(s.label());
        if (!label.isEmpty() && names.size() < 3) {
          names.add(withArticle(label));
        }
      }
      if (!names.isEmpty()) {
        return base.withName(
            Lists.join(names),
            category(names),
            names.size() == 1 && !pluralPhrase(names.get(0)) ? 1 : 2,
            provider.get(0).source(),
            provider.get(0).confidence(),
            "named by " + provider.get(0).source());
      }
    }
    MediumLabel medium = analysis.medium().label();
    if (medium == MediumLabel.DOCUMENT
        && thresholds.says(Statement.MEDIUM_DOCUMENT, analysis.medium().confidence())) {
      return base.withName(
          "a page of printed text",
          SubjectCategory.TEXT,
          1,
          "vision.medium",
          analysis.medium().confidence(),
          "the medium analyzer found rows of text lines on a page");
    }
    double textArea = textArea(analysis.text());
    if (textArea >= PAGE_TEXT_AREA && analysis.text().readsAsRunningText()) {
      return base.withName(
          "a page of printed text",
          SubjectCategory.TEXT,
          1,
          "vision.neural.ocr",
          Math.min(1, textArea / PAGE_TEXT_AREA / 2 + 0.5),
          "read lines of running text cover " + Math.round(textArea * 100) + " % of the frame");
    }
    List<String> programWords = analysis.text().programWords();
    if (medium != MediumLabel.PHOTO
        && programWords.size() >= TextContent.PROGRAM_WORDS_SEEN
        && thresholds.says(Statement.SCREENSHOT, SCREENSHOT_CONFIDENCE)) {
      return base.withName(
          "a screenshot of a program window",
          SubjectCategory.TEXT,
          1,
          "vision.neural.ocr",
          SCREENSHOT_CONFIDENCE,
          "read lines name a program's menus or buttons (" + String.join(", ", programWords) + ")");
    }
    Detected detected = sayable(analysis, thresholds);
    boolean detectorRan = analysis.subjects().stream().anyMatch(SubjectNaming::detector);
    long faces =
        analysis.people().faces().stream()
            .filter(f -> thresholds.says(Statement.PERSON, f.confidence()))
            .count();
    if (detected.phrases().isEmpty() && !detectorRan && faces > 0) {
      // Without the object detector, confident faces are the only evidence of people. (With it,
      // the neural analyzers keep only faces inside person boxes, which the boxes already count.)
      double best =
          analysis.people().faces().stream().mapToDouble(f -> f.confidence()).max().orElse(0);
      return base.withName(
          counted((int) faces, "person"),
          SubjectCategory.PERSON,
          (int) faces,
          "vision.neural.faces",
          best,
          "faces detected at or above the person threshold");
    }
    if (detected.phrases().isEmpty()) {
      return base.withName(
          null,
          base.category(),
          0,
          base.source(),
          base.confidence(),
          detected.why().isEmpty()
              ? "no detector, reader or provider named it with confidence"
              : detected.why());
    }
    return base.withName(
        Lists.join(detected.phrases()),
        detected.category(),
        detected.count(),
        detected.source(),
        detected.confidence(),
        "detected with scores at or above their class thresholds"
            + (detected.why().isEmpty() ? "" : "; " + detected.why()));
  }

  /** The subject to use for a prompt: the analysis's own, or one named from its evidence. */
  static MainSubject of(ImageAnalysis analysis) {
    MainSubject subject = analysis.subject();
    if (subject.source() != null || subject.hasWords()) {
      return subject;
    }
    return name(analysis, StatementThresholds.DEFAULT);
  }

  /**
   * Whether the picture shows a place at all: not a document, a flat graphic or a page of text,
   * where sky, indoor, light direction and time of day mean nothing.
   */
  public static boolean hasSetting(ImageAnalysis analysis, MainSubject subject) {
    MediumLabel medium = analysis.medium().label();
    return medium != MediumLabel.DOCUMENT
        && medium != MediumLabel.GRAPHIC
        && subject.category() != SubjectCategory.TEXT
        && analysis.text().lines().size() < SCREEN_LINES;
  }

  /**
   * Read lines from which a picture is taken to be a screen, a page or a poster, with no setting
   * whatever its measured medium: a dialog with its fields and labels, a chart, a title card. A
   * sign, a shop front or a number plate in a scene gives a few lines. The eval's tuning pictures
   * with a setting had at most 6 read lines, its held-out ones at most 7; the 290 landscape and
   * city photographs of endless-sky-data had at most 1. Ten or more were read in 32 eval pictures,
   * all labelled with no setting (one photographed sudoku page unlabelled), and in 131 of the 187
   * figures of kstars-data's handbook, all screenshots and charts.
   */
  static final int SCREEN_LINES = 10;

  private record Detected(
      List<String> phrases,
      @Nullable SubjectCategory category,
      int count,
      @Nullable String source,
      double confidence,
      String why) {}

  private static Detected sayable(ImageAnalysis analysis, StatementThresholds thresholds) {
    List<Subject> detections =
        analysis.subjects().stream()
            .filter(SubjectNaming::detector)
            .filter(s -> thresholds.saysObject(Texts.clean(s.label()), s.confidence()))
            .toList();
    List<Subject> lettering =
        detections.stream().filter(s -> lettering(s, analysis.text()) >= LETTERING_SHARE).toList();
    if (!lettering.isEmpty()) {
      detections = detections.stream().filter(s -> !lettering.contains(s)).toList();
    }
    MediumLabel medium = analysis.medium().label();
    // The detector learnt its classes from photographs: on a page, a flat graphic, a drawing or a
    // painting its finds are shapes that look like them (cards as traffic lights, notes as birds,
    // upright cartoon penguins as people). A measured drawing or painting counts even when the call
    // is unsure: of the detector's statements on pictures measured so, none was right (0 of 3 among
    // the 378 eval images and 671 others looked at on 2026-12-06: two pingus-data drawings of
    // penguins as "two" and "three people", a screenshot of one face shown three times as "three
    // people"), while 3 of the 174 labelled photographs were measured a drawing and none of them
    // had a detection to name. A 3D render is photographic enough to keep its detections.
    boolean drawn = medium == MediumLabel.ILLUSTRATION || medium == MediumLabel.PAINTING;
    if (!detections.isEmpty()
        && (medium == MediumLabel.DOCUMENT || medium == MediumLabel.GRAPHIC || drawn)) {
      return new Detected(
          List.of(),
          null,
          0,
          null,
          0,
          "a photo-trained detector's classes are not named on a " + medium);
    }
    // A screen or a chart (SCREEN_LINES) is not a photograph of things either, whatever its
    // measured medium: kstars' handbook figure of a sky map with a mosaic of green tiles said "An
    // umbrella" (0 right of 1 such statement on the 994 pictures looked at on 2026-12-06).
    if (!detections.isEmpty() && analysis.text().lines().size() >= SCREEN_LINES) {
      return new Detected(
          List.of(),
          null,
          0,
          null,
          0,
          "a photo-trained detector's classes are not named on a screen or chart of "
              + analysis.text().lines().size()
              + " read lines");
    }
    List<Subject> animals =
        detections.stream().filter(s -> ANIMALS.contains(lower(s.label()))).toList();
    Map<String, List<Subject>> byLabel = new LinkedHashMap<>();
    for (Subject s : detections) {
      String label = lower(Texts.clean(s.label()));
      if (label.equals("person") && insideStrongerAnimal(s, animals)) {
        continue;
      }
      byLabel.computeIfAbsent(label, k -> new ArrayList<>()).add(s);
    }
    List<String> phrases = new ArrayList<>();
    SubjectCategory category = null;
    int count = 0;
    String source = null;
    double confidence = 0;
    List<String> patterns = new ArrayList<>();
    boolean unsure = false;
    // People lead: they are what a viewer sees first.
    List<Map.Entry<String, List<Subject>>> entries = new ArrayList<>(byLabel.entrySet());
    entries.sort(
        (x, y) -> Boolean.compare(!x.getKey().equals("person"), !y.getKey().equals("person")));
    for (Map.Entry<String, List<Subject>> entry : entries) {
      String label = entry.getKey();
      List<Subject> boxes = entry.getValue();
      String phrase;
      int n = boxes.size();
      if (label.equals("person")) {
        phrase =
            crowdBehind(boxes, analysis.subjects())
                ? "a person in front of a crowd"
                : people(boxes);
        if (!phrase.contains("crowd") && countUnsure(boxes, analysis.subjects())) {
          unsure = true;
          continue;
        }
        n = phrase.startsWith("a person") ? 1 : n;
      } else if (n >= PATTERN_COUNT && boxes.stream().allMatch(s -> area(s) < PATTERN_AREA)) {
        patterns.add(label);
        continue;
      } else {
        phrase = counted(n, label);
      }
      if (phrases.size() == 3) {
        break;
      }
      phrases.add(phrase);
      if (category == null) {
        category =
            label.equals("person")
                ? SubjectCategory.PERSON
                : ANIMALS.contains(label) ? SubjectCategory.ANIMAL : SubjectCategory.OBJECT;
        source = boxes.get(0).source();
        confidence = boxes.stream().mapToDouble(Subject::confidence).max().orElse(0);
      }
      count += n;
    }
    List<String> reasons = new ArrayList<>();
    if (!patterns.isEmpty()) {
      reasons.add("repeated small " + String.join(", ", patterns) + " boxes read as a pattern");
    }
    if (unsure) {
      reasons.add("how many people is unsure: weaker person boxes stand beside the confident ones");
    }
    if (!lettering.isEmpty()) {
      reasons.add(
          "a "
              + lower(lettering.get(0).label())
              + " box that is mostly read lettering is the lettering");
    }
    return new Detected(phrases, category, count, source, confidence, String.join("; ", reasons));
  }

  /**
   * Whether one confident person dominates and at least {@link #CROWD_OTHERS} much smaller person
   * boxes of any score from {@link #CROWD_SCORE} stand behind: "a person in front of a crowd".
   */
  static boolean crowdBehind(List<Subject> sayable, List<Subject> all) {
    if (sayable.size() != 1) {
      return false;
    }
    double main = area(sayable.get(0));
    long others =
        all.stream()
            .filter(SubjectNaming::detector)
            .filter(s -> lower(s.label()).equals("person") && s != sayable.get(0))
            .filter(s -> s.confidence() >= CROWD_SCORE && DOMINANT_RATIO * area(s) <= main)
            .count();
    return others >= CROWD_OTHERS;
  }

  /**
   * Whether the number of confident person boxes may be short: another person box of at least
   * {@link #CROWD_SCORE} (the score at which weak boxes already count as a crowd) stands apart from
   * every confident one. Then "a person" may be one of two and "two people" one of three (issue 18:
   * two men playing ball, the one seen from behind scored under the person threshold, said as "a
   * person"), so no number is said.
   */
  static boolean countUnsure(List<Subject> sayable, List<Subject> all) {
    for (Subject s : all) {
      if (!detector(s)
          || !lower(s.label()).equals("person")
          || sayable.contains(s)
          || s.confidence() < CROWD_SCORE) {
        continue;
      }
      boolean apart = sayable.stream().allMatch(c -> overlap(s, c) < 0.5 && overlap(c, s) < 0.5);
      if (apart) {
        return true;
      }
    }
    return false;
  }

  /** Share of a detection's box covered by read text lines. */
  static double lettering(Subject detection, TextContent text) {
    double share = 0;
    for (TextContent.Line line : text.lines()) {
      double lineArea = line.box().size() == 4 ? line.box().get(2) * line.box().get(3) : 0;
      double own = area(detection);
      if (own > 0) {
        share += overlap(line.box(), detection.box()) * lineArea / own;
      }
    }
    return Math.min(1, share);
  }

  /** "a person", "two people", "a person in front of a crowd", "a crowd of people". */
  static String people(List<Subject> persons) {
    List<Subject> bySize = new ArrayList<>(persons);
    bySize.sort((x, y) -> Double.compare(area(y), area(x)));
    int n = bySize.size();
    if (n >= 3 && area(bySize.get(0)) >= DOMINANT_RATIO * area(bySize.get(1))) {
      return "a person in front of a crowd";
    }
    if (n >= 6) {
      return "a crowd of people";
    }
    return counted(n, "person");
  }

  /** "a cat", "two cats", "three people". */
  static String counted(int n, String label) {
    if (n <= 1) {
      return NaturalRenderer.article(label) + " " + label;
    }
    String number = n < NUMBERS.length ? NUMBERS[n] : String.valueOf(n);
    return number + " " + plural(label, n);
  }

  static String plural(String label, int n) {
    if (n == 1) {
      return label;
    }
    return switch (label) {
      case "person" -> "people";
      case "mouse" -> "mice";
      case "knife" -> "knives";
      case "sheep", "skis", "scissors" -> label;
      default -> {
        boolean sibilant =
            label.endsWith("s")
                || label.endsWith("x")
                || label.endsWith("ch")
                || label.endsWith("sh");
        yield label + (sibilant ? "es" : "s");
      }
    };
  }

  /** Words that make a provider's subject a person or an animal (for how a video moves it). */
  private static final Set<String> PERSON_WORDS =
      Set.of(
          "person",
          "people",
          "man",
          "men",
          "woman",
          "women",
          "girl",
          "boy",
          "child",
          "children",
          "baby",
          "face",
          "portrait",
          "footballer",
          "player",
          "crowd");

  private static final Set<String> ANIMAL_WORDS =
      Set.of(
          "animal",
          "fox",
          "deer",
          "wolf",
          "lion",
          "tiger",
          "rabbit",
          "squirrel",
          "butterfly",
          "fish",
          "owl",
          "eagle",
          "duck",
          "monkey",
          "puppy",
          "kitten",
          "insect",
          "bee",
          "ladybird",
          "ladybug",
          "dogs",
          "cats",
          "birds",
          "horses");

  static SubjectCategory category(List<String> names) {
    for (String name : names) {
      for (String word : lower(name).split("[^\\p{L}]+")) {
        if (PERSON_WORDS.contains(word)) {
          return SubjectCategory.PERSON;
        }
        if (ANIMAL_WORDS.contains(word) || ANIMALS.contains(word)) {
          return SubjectCategory.ANIMAL;
        }
      }
    }
    return SubjectCategory.OBJECT;
  }

  /** A provider's label with an article when it has none and reads singular. */
  static String withArticle(String label) {
    String lower = lower(label);
    if (lower.matches("(a|an|the|some|two|three|four|five|\\d+|several|many|his|her|their) .*")
        || plural(label)) {
      return label;
    }
    return NaturalRenderer.article(label) + " " + label;
  }

  /**
   * Whether a subject phrase names more than one thing ("two people", "a cat and a dog", "flowers",
   * "white tones across the frame"), for verb agreement. The head is what comes before the first
   * preposition; an "and" inside a head that opens with an article joins colours ("a red and black
   * form") unless a second article or number follows it ("a person and a tie").
   */
  public static boolean pluralPhrase(String phrase) {
    String lower = lower(phrase).strip();
    if (lower.isEmpty()) {
      return false;
    }
    if (lower.matches(COUNTED + " .*")) {
      return true;
    }
    String head = lower.split(" (of|in|on|with|against|at|across|filling) ")[0];
    if (head.matches("(a|an|the) .*")) {
      // "a person in front of a crowd", "a page of printed text": the head noun comes first.
      return head.matches(".* and (a|an|the|" + COUNTED + ") .*");
    }
    return head.contains(" and ") || plural(head);
  }

  /** Words that count more than one thing at the start of a phrase. */
  private static final String COUNTED =
      "(two|three|four|five|six|seven|eight|nine|\\d+|several|many|some)";

  /** Whether a provider label reads as plural ("flowers", "people"): its last word. */
  static boolean plural(String label) {
    String[] words = lower(label).strip().split("\\s+");
    String last = words.length == 0 ? "" : words[words.length - 1];
    return last.equals("people")
        || last.equals("children")
        || (last.endsWith("s") && !last.endsWith("ss") && !last.endsWith("us"));
  }

  private static boolean insideStrongerAnimal(Subject person, List<Subject> animals) {
    for (Subject animal : animals) {
      if (animal.confidence() >= person.confidence() && overlap(person, animal) >= 0.5) {
        return true;
      }
    }
    return false;
  }

  /** Share of {@code a}'s box that lies inside {@code b}'s. */
  static double overlap(Subject a, Subject b) {
    return overlap(a.box(), b.box());
  }

  /** Share of box {@code p} (x, y, width, height) that lies inside box {@code q}. */
  static double overlap(List<Double> p, List<Double> q) {
    if (p.size() != 4 || q.size() != 4) {
      return 0;
    }
    double w = Math.min(p.get(0) + p.get(2), q.get(0) + q.get(2)) - Math.max(p.get(0), q.get(0));
    double h = Math.min(p.get(1) + p.get(3), q.get(1) + q.get(3)) - Math.max(p.get(1), q.get(1));
    double inter = Math.max(0, w) * Math.max(0, h);
    double own = p.get(2) * p.get(3);
    return own <= 0 ? 0 : inter / own;
  }

  private static double area(Subject s) {
    return s.box().get(2) * s.box().get(3);
  }

  private static double textArea(TextContent text) {
    double sum = 0;
    for (TextContent.Line line : text.lines()) {
      if (line.box().size() == 4) {
        sum += line.box().get(2) * line.box().get(3);
      }
    }
    return Math.min(1, sum);
  }

  static boolean detector(Subject s) {
    return s.source() != null && s.source().startsWith("vision.");
  }

  private static String lower(String text) {
    return text == null ? "" : text.toLowerCase(Locale.ROOT);
  }
}
