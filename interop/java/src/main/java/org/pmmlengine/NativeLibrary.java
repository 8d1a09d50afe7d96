package org.pmmlengine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Puts the JNI shim and the managed assemblies on disk and starts the engine. They travel inside the jar under
 * {@code org/pmmlengine/native/linux-x64/} with an index ({@code files.txt}: checksum and path per line) and are
 * extracted once per version into {@code java.io.tmpdir/pmmlengine-<index checksum>}; the system property
 * {@code pmmlengine.home} names an already extracted folder instead. The .NET 10 runtime is found by hostfxr's rules
 * ({@code DOTNET_ROOT}, then the standard install locations).
 */
final class NativeLibrary {
    private static final String RESOURCES = "/org/pmmlengine/native/linux-x64/";
    private static final String SHIM = "libpmmlengine_jni.so";

    private NativeLibrary() {}

    static void load() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64")))
            throw new UnsatisfiedLinkError("PmmlEngine's native part is built for linux-x64; this JVM runs on " + os + "/" + arch);
        Path home;
        try {
            String configured = System.getProperty("pmmlengine.home");
            home = configured != null ? Path.of(configured) : extract();
        } catch (IOException e) {
            UnsatisfiedLinkError error = new UnsatisfiedLinkError("PmmlEngine: cannot extract its native files: " + e.getMessage());
            error.initCause(e);
            throw error;
        }
        System.load(home.resolve(SHIM).toAbsolutePath().toString());
        Path managed = home.resolve("managed");
        NativeEngine.start(managed.resolve("PmmlEngine.Interop.runtimeconfig.json").toAbsolutePath().toString(),
                managed.resolve("PmmlEngine.Interop.dll").toAbsolutePath().toString());
    }

    private static Path extract() throws IOException {
        byte[] index;
        try (InputStream in = resource("files.txt")) {
            index = in.readAllBytes();
        }
        List<String[]> files = new ArrayList<>();
        for (String line : new String(index, StandardCharsets.UTF_8).split("\n"))
            if (!line.isBlank())
                files.add(line.split("  ", 2));
        String version;
        try {
            version = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(index), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "pmmlengine-" + version);
        if (Files.exists(target.resolve(".complete")))
            return target;
        // Extract beside the target and move it into place, so concurrent JVMs never see a half-written folder.
        Path staging = Files.createTempDirectory(target.getParent(), "pmmlengine-staging-");
        for (String[] file : files) {
            Path destination = staging.resolve(file[1]);
            Files.createDirectories(destination.getParent());
            try (InputStream in = resource(file[1])) {
                Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.createFile(staging.resolve(".complete"));
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException e) {
            deleteTree(staging);
            if (!Files.exists(target.resolve(".complete")))
                throw new IOException("another process left " + target + " incomplete; delete it and retry", e);
        }
        return target;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream stream = NativeLibrary.class.getResourceAsStream(RESOURCES + name);
        if (stream == null)
            throw new IOException(RESOURCES + name + " is not on the class path (was the jar built by interop/build.sh?)");
        return stream;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList())
                Files.deleteIfExists(path);
        }
    }
}
