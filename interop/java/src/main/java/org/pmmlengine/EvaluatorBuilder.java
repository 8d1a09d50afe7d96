package org.pmmlengine;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Loads a PMML document into an {@link Evaluator}:
 * <pre>{@code
 * Evaluator evaluator = new EvaluatorBuilder().load(new File("model.pmml")).build();
 * evaluator.verify();
 * }</pre>
 * The first build in a process starts the .NET runtime (about a tenth of a second).
 */
public final class EvaluatorBuilder {
    private byte[] document;
    private Backend backend = Backend.AUTO;

    public EvaluatorBuilder load(Path path) throws IOException {
        document = Files.readAllBytes(path);
        return this;
    }

    public EvaluatorBuilder load(File file) throws IOException {
        return load(file.toPath());
    }

    /** Reads the stream to its end; the caller closes it. */
    public EvaluatorBuilder load(InputStream stream) throws IOException {
        document = stream.readAllBytes();
        return this;
    }

    public EvaluatorBuilder load(byte[] pmml) {
        document = pmml.clone();
        return this;
    }

    public EvaluatorBuilder setBackend(Backend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
        return this;
    }

    /**
     * Parses, checks and compiles the document.
     *
     * @throws InvalidMarkupException listing every problem in the document, each with its line and element
     */
    public Evaluator build() {
        if (document == null)
            throw new IllegalStateException("no document: call load(...) first");
        return new Evaluator(NativeEngine.load(document, backend.ordinal()));
    }
}
