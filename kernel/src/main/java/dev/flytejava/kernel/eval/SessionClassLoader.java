package dev.flytejava.kernel.eval;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Manifest;

/**
 * Loads the session's snippet classes (bytes from JShell's compiler) and the jars added with
 * {@code %classpath}/{@code %maven}. Its parent is the kernel's own loader, so cells see the
 * kernel's classes (display helpers, runtime, magics) as the very same classes the kernel uses.
 * Every class it defines itself goes through {@link ExitCallRewriter} first.
 */
final class SessionClassLoader extends URLClassLoader {

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final Map<String, byte[]> snippetBytes = new ConcurrentHashMap<>();

    SessionClassLoader(ClassLoader parent) {
        super("flyte-java-session", new URL[0], parent);
    }

    void declare(String name, byte[] bytes) {
        snippetBytes.put(name, bytes);
    }

    /** The bytes JShell compiled a snippet class to, by binary name, or null: what task closures read and ship. */
    byte[] bytes(String name) {
        return snippetBytes.get(name);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = snippetBytes.get(name);
        if (bytes == null) return findAddedClass(name);
        byte[] guarded = guarded(name, bytes);
        return defineClass(name, guarded, 0, guarded.length);
    }

    /** A class of an added jar or folder, defined here (not by URLClassLoader) so its exit calls are guarded. */
    private Class<?> findAddedClass(String name) throws ClassNotFoundException {
        URL resource = findResource(name.replace('.', '/') + ".class");
        if (resource == null) throw new ClassNotFoundException(name);
        try {
            URLConnection connection = resource.openConnection();
            URL base;
            Manifest manifest = null;
            if (connection instanceof JarURLConnection jar) {
                base = jar.getJarFileURL();
                manifest = jar.getManifest();
            } else {
                String url = resource.toString();
                base = URI.create(url.substring(0, url.length() - name.length() - ".class".length())).toURL();
            }
            byte[] bytes;
            try (InputStream in = connection.getInputStream()) {
                bytes = in.readAllBytes();
            }
            definePackageOf(name, manifest, base);
            byte[] guarded = guarded(name, bytes);
            return defineClass(name, guarded, 0, guarded.length, new CodeSource(base, (CodeSigner[]) null));
        } catch (IOException e) {
            throw new ClassNotFoundException("Could not read class [" + name + "] from [" + resource + "]", e);
        }
    }

    private void definePackageOf(String className, Manifest manifest, URL base) {
        int dot = className.lastIndexOf('.');
        if (dot < 0) return;
        String pkg = className.substring(0, dot);
        if (getDefinedPackage(pkg) != null) return;
        try {
            if (manifest != null) definePackage(pkg, manifest, base);
            else definePackage(pkg, null, null, null, null, null, null, null);
        } catch (IllegalArgumentException definedMeanwhile) {
            // another thread loading a class of the same package defined it first
        }
    }

    private static byte[] guarded(String name, byte[] bytes) {
        try {
            return ExitCallRewriter.rewrite(bytes);
        } catch (RuntimeException unreadable) { // a class file newer than ASM knows, say
            System.err.println("Note: System.exit in class " + name + " is not guarded and would end the kernel: " + unreadable);
            return bytes;
        }
    }

    @Override
    public void addURL(URL url) {
        super.addURL(url);
    }
}
