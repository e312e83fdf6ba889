package io.promptlens.core.compiler;

import java.util.List;

/**
 * Camera moves for image-to-video, with the words for targets that read prose and the command for
 * targets trained on bracketed commands (MiniMax Hailuo's documented set).
 */
enum CameraMove {
  PUSH_IN("the camera slowly pushes in", "[Push in]"),
  PULL_OUT("the camera slowly pulls back", "[Pull out]"),
  PAN_LEFT("the camera pans slowly to the left", "[Pan left]"),
  PAN_RIGHT("the camera pans slowly to the right", "[Pan right]"),
  TRUCK_LEFT("the camera trucks slowly to the left", "[Truck left]"),
  TRUCK_RIGHT("the camera trucks slowly to the right", "[Truck right]"),
  TILT_UP("the camera tilts slowly upward", "[Tilt up]"),
  STATIC("the camera holds still on a locked-off shot", "[Static shot]");

  private final String words;
  private final String command;

  CameraMove(String words, String command) {
    this.words = words;
    this.command = command;
  }

  String words() {
    return words;
  }

  String command() {
    return command;
  }

  /** Moves that suit the same picture, this one first; variations draw from them. */
  List<CameraMove> alternatives() {
    return switch (this) {
      case PUSH_IN -> List.of(PUSH_IN, PULL_OUT, TRUCK_RIGHT);
      case PULL_OUT -> List.of(PULL_OUT, PUSH_IN);
      case PAN_LEFT -> List.of(PAN_LEFT, TRUCK_LEFT);
      case PAN_RIGHT -> List.of(PAN_RIGHT, TRUCK_RIGHT);
      case TRUCK_LEFT -> List.of(TRUCK_LEFT, PAN_LEFT);
      case TRUCK_RIGHT -> List.of(TRUCK_RIGHT, PAN_RIGHT);
      case TILT_UP -> List.of(TILT_UP, PUSH_IN);
      case STATIC -> List.of(STATIC, PUSH_IN);
    };
  }
}
