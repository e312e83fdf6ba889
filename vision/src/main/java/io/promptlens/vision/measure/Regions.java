package io.promptlens.vision.measure;

/**
 * Connected-component labelling (4-connectivity) of a boolean mask on a grid, iterative with an
 * explicit stack so large regions cannot overflow the call stack. Deterministic: components are
 * numbered in raster order of their first cell.
 */
public final class Regions {

  private Regions() {}

  /**
   * Labels the mask into {@code labels} (−1 outside the mask, else 0..count−1) and returns the
   * number of components.
   */
  public static int label(boolean[] mask, int width, int height, int[] labels) {
    java.util.Arrays.fill(labels, 0, width * height, -1);
    int[] stack = new int[width * height];
    int count = 0;
    for (int start = 0; start < width * height; start++) {
      if (!mask[start] || labels[start] >= 0) {
        continue;
      }
      int top = 0;
      stack[top++] = start;
      labels[start] = count;
      while (top > 0) {
        int k = stack[--top];
        int x = k % width;
        int y = k / width;
        if (x > 0) {
          top = push(mask, labels, stack, top, k - 1, count);
        }
        if (x < width - 1) {
          top = push(mask, labels, stack, top, k + 1, count);
        }
        if (y > 0) {
          top = push(mask, labels, stack, top, k - width, count);
        }
        if (y < height - 1) {
          top = push(mask, labels, stack, top, k + width, count);
        }
      }
      count++;
    }
    return count;
  }

  private static int push(boolean[] mask, int[] labels, int[] stack, int top, int k, int label) {
    if (mask[k] && labels[k] < 0) {
      labels[k] = label;
      stack[top++] = k;
    }
    return top;
  }
}
