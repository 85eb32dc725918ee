package dev.flytejava.kernel.eval;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads the session's snippet classes (bytes from JShell's compiler) and the jars added with
 * {@code %classpath}/{@code %maven}. Its parent is the kernel's own loader, so cells see the
 * kernel's classes (display helpers, runtime, magics) as the very same classes the kernel uses.
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
        if (bytes == null) return super.findClass(name);
        return defineClass(name, bytes, 0, bytes.length);
    }

    @Override
    public void addURL(URL url) {
        super.addURL(url);
    }
}
