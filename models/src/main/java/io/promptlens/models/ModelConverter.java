package io.promptlens.models;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Converts a TF.js graph model (model.json beside its weight shards) to an ONNX file. */
@FunctionalInterface
public interface ModelConverter {

  void convert(Path modelJson, List<String> outputs, Path onnx) throws IOException;
}
