package io.promptlens.vision.neural;

import io.promptlens.core.analysis.TextContent;
import io.promptlens.vision.intake.DecodedImage;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The OCR pipeline: detect text regions (again at page scale when there are at least {@value
 * #DOCUMENT_LINES}), cut each out along its slope (turning tall ones a quarter), recognise (lines
 * the angle classifier calls upside down both ways, keeping the more confident reading), and put
 * lines in reading order: rows top to bottom (boxes whose vertical extents overlap by half the
 * smaller height share a row), left to right within a row. {@code content} joins a row's lines with
 * spaces and rows with new lines. Thread-safe.
 */
public final class TextReader {

  static final double MIN_CONFIDENCE = 0.5;

  /** The largest short side a crop is cut at: four times the recognizer's input height. */
  static final double MAX_CROP_SIDE = 4.0 * TextRecognizer.HEIGHT;

  /** From this many text regions at photo scale, the image is read as a page. */
  static final int DOCUMENT_LINES = 12;

  private final TextDetector detector;
  private final @Nullable Lazy<AngleClassifier> angleModel;
  private final Lazy<TextRecognizer> recognizerModel;

  public TextReader(
      TextDetector detector, @Nullable AngleClassifier angles, TextRecognizer recognizer) {
    this(detector, angles == null ? null : Lazy.loaded(angles), Lazy.loaded(recognizer));
  }

  /**
   * A reader whose angle classifier (null: none) and recognizer load when the detector first finds
   * text.
   */
  TextReader(
      TextDetector detector,
      @Nullable Lazy<AngleClassifier> angles,
      Lazy<TextRecognizer> recognizer) {
    this.detector = detector;
    this.angleModel = angles;
    this.recognizerModel = recognizer;
  }

  /**
   * What {@link #readProbed} found: the text, and whether the probe saw none, so that nothing else
   * ran.
   */
  public record Outcome(TextContent text, boolean probedEmpty) {}

  /**
   * Reads text when the detector's low-resolution probe ({@link TextDetector#mayHoldText}) sees
   * some; otherwise returns no text at the probe's cost.
   */
  public Outcome readProbed(BufferedImage analysis, DecodedImage.Detail detail) {
    if (!detector.mayHoldText(analysis)) {
      return new Outcome(TextContent.none(), true);
    }
    return new Outcome(read(analysis, detail), false);
  }

  /**
   * The long side a page is read at: a letter or A4 page scanned at 300 dpi (about 3,300 px), where
   * body text is 30-40 px tall, as the recognizer's 48 px input expects. The analysis raster (about
   * 1,600 px) shrinks such print to a third and costs about a tenth of the word recall.
   */
  public static final int PAGE_LONG_SIDE = 3300;

  public TextContent read(BufferedImage image) {
    return read(image, longSide -> image);
  }

  /** Reads text; a page of it is read again from {@code detail} at {@link #PAGE_LONG_SIDE}. */
  public TextContent read(BufferedImage analysis, DecodedImage.Detail detail) {
    BufferedImage image = analysis;
    List<TextDetector.Box> boxes = new ArrayList<>(detector.detect(image));
    if (boxes.size() >= DOCUMENT_LINES) {
      // A page of text: detect again at a larger scale, where small print separates into lines.
      BufferedImage page = detail.at(PAGE_LONG_SIDE);
      image = page == null ? analysis : page;
      boxes = new ArrayList<>(detector.detectDocument(image));
    }
    List<BufferedImage> crops = new ArrayList<>();
    for (TextDetector.Box b : boxes) {
      // Cut out along the line's slope, so a sloping line does not take in its neighbours; a
      // region far taller than the recognizer's 48 px input (poster lettering, or a false region
      // over foliage) is sampled smaller, as it would be shrunk to 48 px anyway.
      double scale = Math.min(1, MAX_CROP_SIDE / Math.min(b.length(), b.thickness()));
      BufferedImage crop =
          Pixels.cropRotated(image, b.cx(), b.cy(), b.angle(), b.length(), b.thickness(), scale);
      crops.add(crop.getHeight() >= 1.5 * crop.getWidth() ? Pixels.rotate(crop, 3) : crop);
    }
    if (crops.isEmpty()) {
      return order(List.of(), image.getWidth(), image.getHeight());
    }
    TextRecognizer recognizer = recognizerModel.get();
    AngleClassifier angles = angleModel == null ? null : angleModel.get();
    List<TextRecognizer.Reading> readings = recognizer.read(crops);
    if (angles != null) {
      // The angle classifier's word is a hint: a line it calls upside down is read turned too,
      // and the more confident reading kept (it turns some sloping lines of photographed pages).
      List<Boolean> flip = angles.upsideDown(crops);
      List<Integer> flipped = new ArrayList<>();
      List<BufferedImage> turned = new ArrayList<>();
      for (int i = 0; i < crops.size(); i++) {
        if (flip.get(i)) {
          flipped.add(i);
          turned.add(Pixels.rotate(crops.get(i), 2));
        }
      }
      if (!turned.isEmpty()) {
        List<TextRecognizer.Reading> again = recognizer.read(turned);
        readings = new ArrayList<>(readings);
        for (int k = 0; k < flipped.size(); k++) {
          int i = flipped.get(k);
          if (again.get(k).confidence() > readings.get(i).confidence()) {
            readings.set(i, again.get(k));
          }
        }
      }
    }
    List<Placed> placed = new ArrayList<>();
    for (int i = 0; i < boxes.size(); i++) {
      TextRecognizer.Reading r = readings.get(i);
      if (!r.text().isBlank() && r.confidence() >= MIN_CONFIDENCE) {
        placed.add(new Placed(boxes.get(i), r));
      }
    }
    return order(placed, image.getWidth(), image.getHeight());
  }

  record Placed(TextDetector.Box box, TextRecognizer.Reading reading) {}

  static TextContent order(List<Placed> placed, int width, int height) {
    List<Placed> byTop = new ArrayList<>(placed);
    byTop.sort(Comparator.comparingDouble(p -> (p.box().y0() + p.box().y1()) / 2.0));
    List<List<Placed>> rows = new ArrayList<>();
    for (Placed p : byTop) {
      List<Placed> row = rows.isEmpty() ? null : rows.get(rows.size() - 1);
      if (row != null && overlaps(row.get(row.size() - 1).box(), p.box())) {
        row.add(p);
      } else {
        rows.add(new ArrayList<>(List.of(p)));
      }
    }
    StringBuilder content = new StringBuilder();
    List<TextContent.Line> lines = new ArrayList<>();
    for (List<Placed> row : rows) {
      row.sort(Comparator.comparingInt(p -> p.box().x0()));
      StringBuilder text = new StringBuilder();
      for (Placed p : row) {
        TextDetector.Box b = p.box();
        lines.add(
            new TextContent.Line(
                p.reading().text(),
                round(p.reading().confidence()),
                List.of(
                    round((double) b.x0() / width),
                    round((double) b.y0() / height),
                    round((double) b.width() / width),
                    round((double) b.height() / height))));
        text.append(text.length() == 0 ? "" : " ").append(p.reading().text());
      }
      content.append(content.length() == 0 ? "" : "\n").append(text);
    }
    return new TextContent(content.toString(), lines);
  }

  private static boolean overlaps(TextDetector.Box a, TextDetector.Box b) {
    int overlap = Math.min(a.y1(), b.y1()) - Math.max(a.y0(), b.y0());
    return overlap >= 0.5 * Math.min(a.height(), b.height());
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
