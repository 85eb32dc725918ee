package dev.flytejava.runtime.code;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes a class file refers to, read from its constant pool: every {@code CONSTANT_Class} (which includes the
 * nested classes javac lists in {@code InnerClasses}, even where it inlined a constant) and every class named in a
 * descriptor or generic signature. Names are internal ({@code java/util/List}); array classes give their element.
 */
public final class ClassFileRefs {
    private ClassFileRefs() {}

    /** {@code Lpkg/Name;} or {@code Lpkg/Name<} inside descriptors and signatures. */
    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([\\p{javaJavaIdentifierPart}/$]+)[;<]");

    /** The internal names of the classes {@code classFile} refers to (its own name included). */
    public static Set<String> of(byte[] classFile) {
        Set<String> names = new LinkedHashSet<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
            if (in.readInt() != 0xCAFEBABE) throw new IllegalArgumentException("not a class file (bad magic number)");
            in.readUnsignedShort(); // minor
            in.readUnsignedShort(); // major
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] classIndex = new int[count];
            int classes = 0;
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> classIndex[classes++] = in.readUnsignedShort();
                    case 8, 16, 19, 20 -> in.readUnsignedShort(); // String, MethodType, Module, Package
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++; // longs and doubles take two slots
                    }
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    default -> throw new IllegalArgumentException("unknown constant pool tag [" + tag + "] at entry " + i);
                }
            }
            for (int c = 0; c < classes; c++) {
                String name = utf8[classIndex[c]];
                if (name != null) add(names, name);
            }
            for (String s : utf8) {
                if (s == null || s.indexOf('L') < 0 || s.indexOf('/') < 0) continue;
                Matcher m = DESCRIPTOR_CLASS.matcher(s);
                while (m.find()) names.add(m.group(1));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated class file: " + e, e);
        }
        return names;
    }

    /** A CONSTANT_Class name: a class, or an array descriptor whose element class (if any) is the reference. */
    private static void add(Set<String> names, String name) {
        if (name.startsWith("[")) {
            Matcher m = DESCRIPTOR_CLASS.matcher(name);
            if (m.find()) names.add(m.group(1));
        } else {
            names.add(name);
        }
    }
}
